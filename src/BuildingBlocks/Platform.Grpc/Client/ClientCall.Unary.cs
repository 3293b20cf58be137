using System.Buffers;
using System.Runtime.CompilerServices;
using Platform.Grpc.Framing;

namespace Platform.Grpc;

// The unary call, the per-call hot path.
internal sealed partial class ClientCall<TRequest, TResponse>
{
    /// <summary>
    /// A whole unary call, every attempt included, in ONE async method: request, response headers, the body read
    /// whole, trailers, retry. Every nested async level costs a resumption at each of the call's suspensions (response
    /// headers, end of the body with the trailers), so the steps are inlined here rather than awaited.
    /// </summary>
    /// <param name="succeeded">Receives the call that succeeded, for its headers and trailers; null when not wanted.</param>
    public static async Task<TResponse> InvokeUnaryAsync(UnaryMethod<TRequest, TResponse> method, TRequest request, CallOptions options,
        StrongBox<ClientCall<TRequest, TResponse>>? succeeded)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var scope = new CallScope(method.Channel, method.Names, options, cancellable: false);
        for (var attempt = 1; ; attempt++)
        {
            var call = new ClientCall<TRequest, TResponse>(method, options, scope, ownsScope: false, singleResponse: true);
            try
            {
                call._ready = Ready;
                var message = call.Prepare(request);
                byte[]? buffer = null;
                try
                {
                    call.AddHeaders(message);
                    if (call.Credentials is { } credentials) await call.AddCredentialsAsync(message, credentials).ConfigureAwait(false);
                    var response = call._response = await method.Channel.Invoker.SendAsync(message, scope.Token).ConfigureAwait(false);
                    if (ResponseStatus.FromHeaders(response, out call._responseEncoding) is { } early)
                    {
                        // Trailers-Only: the headers are the trailers.
                        call._trailerHeaders = response.Headers;
                        call.Complete(early, early.StatusCode == StatusCode.OK ? null : ResponseStatus.ToMetadata(response.Headers));
                    }
                    else
                    {
                        // Synchronous: a response body stream is there as soon as the headers are.
                        var body = response.Content.ReadAsStream(scope.Token);
                        var maxSize = method.Channel.Options.MaxReceiveMessageSize;
                        // The body read whole into a pooled buffer, stopping once it is longer than one message may be:
                        // ParseSingle then says what is wrong with it.
                        var limit = (long)MessageReader.HeaderSize + maxSize;
                        buffer = ArrayPool<byte>.Shared.Rent(4096);
                        var length = 0;
                        while (length <= limit)
                        {
                            if (length == buffer.Length) buffer = Grow(buffer, length, limit);
                            var read = await body.ReadAsync(buffer.AsMemory(length), scope.Token).ConfigureAwait(false);
                            if (read == 0) break;
                            length += read;
                        }
                        call._current = MessageReader.ParseSingle(new ReadOnlySequence<byte>(buffer, 0, length), method.Parser, maxSize,
                            call._responseEncoding, server: false);
                        var trailers = call._trailerHeaders = response.TrailingHeaders;
                        var status = ResponseStatus.Read(trailers);
                        call.Complete(status, status.StatusCode == StatusCode.OK ? null : ResponseStatus.ToMetadata(trailers));
                    }
                }
                catch (Exception exception)
                {
                    var rpc = scope.Translate(exception);
                    call.Complete(rpc.Status, rpc.Trailers);
                }
                finally
                {
                    if (buffer is not null) ArrayPool<byte>.Shared.Return(buffer);
                }
                call.ThrowIfFailed();
                var result = call._current ?? throw new RpcException(StatusCode.Internal, "The call ended OK without a response message.");
                scope.Finish(StatusCode.OK);
                succeeded?.Value = call;
                return result;
            }
            catch (RpcException exception) when (method.ShouldRetry(exception, options, attempt, scope))
            {
                ClientLog.Retrying(method.Channel.Logger, method.FullName, attempt, exception.StatusCode);
            }
            catch (RpcException exception)
            {
                scope.Finish(exception.StatusCode);
                throw;
            }
            finally
            {
                call.Dispose();
            }
            await method.BackoffAsync(attempt, scope).ConfigureAwait(false);
        }
    }

    private static byte[] Grow(byte[] buffer, int length, long limit)
    {
        var bigger = ArrayPool<byte>.Shared.Rent((int)Math.Min(buffer.Length * 2L, limit + 1));
        buffer.AsSpan(0, length).CopyTo(bigger);
        ArrayPool<byte>.Shared.Return(buffer);
        return bigger;
    }
}
