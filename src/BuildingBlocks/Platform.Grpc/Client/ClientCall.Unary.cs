using System.Buffers;
using System.Runtime.CompilerServices;
using Platform.Grpc.Framing;

namespace Platform.Grpc;

// The unary call, the per-call hot path.
internal sealed partial class ClientCall<TRequest, TResponse>
{
    /// <summary>
    /// A unary call in ONE async method: request, response headers, the body read whole, trailers. Every await level
    /// costs a resumption at each of the call's two suspensions (response headers, end of the body with the
    /// trailers), so the steps are inlined here rather than nested; the state machine is pooled.
    /// </summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<TResponse> InvokeUnaryAsync(TRequest request)
    {
        _ready = Ready;
        var message = Prepare(request);
        byte[]? buffer = null;
        try
        {
            AddHeaders(message);
            if (Credentials is { } credentials) await AddCredentialsAsync(message, credentials).ConfigureAwait(false);
            var response = _response = await _method.Channel.Invoker.SendAsync(message, _scope.Token).ConfigureAwait(false);
            if (ResponseStatus.FromHeaders(response, out _responseEncoding) is { } early)
            {
                // Trailers-Only: the headers are the trailers.
                _trailerHeaders = response.Headers;
                Complete(early, early.StatusCode == StatusCode.OK ? null : ResponseStatus.ToMetadata(response.Headers));
            }
            else
            {
                // Synchronous: a response body stream is there as soon as the headers are.
                var body = response.Content.ReadAsStream(_scope.Token);
                var maxSize = _method.Channel.Options.MaxReceiveMessageSize;
                // The body read whole into a pooled buffer, stopping once it is longer than one message may be:
                // ParseSingle then says what is wrong with it.
                var limit = (long)MessageReader.HeaderSize + maxSize;
                buffer = ArrayPool<byte>.Shared.Rent(4096);
                var length = 0;
                while (length <= limit)
                {
                    if (length == buffer.Length) buffer = Grow(buffer, length, limit);
                    var read = await body.ReadAsync(buffer.AsMemory(length), _scope.Token).ConfigureAwait(false);
                    if (read == 0) break;
                    length += read;
                }
                _current = MessageReader.ParseSingle(new ReadOnlySequence<byte>(buffer, 0, length), _method.Parser, maxSize, _responseEncoding, server: false);
                var trailers = _trailerHeaders = response.TrailingHeaders;
                var status = ResponseStatus.Read(trailers);
                Complete(status, status.StatusCode == StatusCode.OK ? null : ResponseStatus.ToMetadata(trailers));
            }
        }
        catch (Exception exception)
        {
            var rpc = _scope.Translate(exception);
            Complete(rpc.Status, rpc.Trailers);
        }
        finally
        {
            if (buffer is not null) ArrayPool<byte>.Shared.Return(buffer);
        }
        ThrowIfFailed();
        return _current ?? throw new RpcException(StatusCode.Internal, "The call ended OK without a response message.");
    }

    private static byte[] Grow(byte[] buffer, int length, long limit)
    {
        var bigger = ArrayPool<byte>.Shared.Rent((int)Math.Min(buffer.Length * 2L, limit + 1));
        buffer.AsSpan(0, length).CopyTo(bigger);
        ArrayPool<byte>.Shared.Return(buffer);
        return bigger;
    }
}
