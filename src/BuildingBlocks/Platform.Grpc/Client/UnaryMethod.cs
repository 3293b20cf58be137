using Google.Protobuf;
using Google.Protobuf.Reflection;
using System.Runtime.CompilerServices;

namespace Platform.Grpc;

/// <summary>A unary method. Calls marked idempotent are retried on UNAVAILABLE, on the next address.</summary>
public sealed class UnaryMethod<TRequest, TResponse> : ClientMethod<TRequest, TResponse>
    where TRequest : class, IMessage<TRequest> where TResponse : class, IMessage<TResponse>
{
    internal UnaryMethod(GrpcChannel channel, MethodDescriptor method) : base(channel, method) { }

    /// <summary>Calls the method; a status other than OK throws <see cref="RpcException"/>.</summary>
    public async Task<TResponse> InvokeAsync(TRequest request, CallOptions options = default)
    {
        // The hot path: the attempts loop of RunAsync inlined, so that a call resumes through two async methods only.
        ArgumentNullException.ThrowIfNull(request);
        using var scope = new CallScope(Channel, Names, options, cancellable: false);
        for (var attempt = 1; ; attempt++)
        {
            var call = new ClientCall<TRequest, TResponse>(this, options, scope, ownsScope: false, singleResponse: true);
            try
            {
                var response = await call.InvokeUnaryAsync(request).ConfigureAwait(false);
                scope.Finish(StatusCode.OK);
                return response;
            }
            catch (RpcException exception) when (ShouldRetry(exception, options, attempt, scope))
            {
                ClientLog.Retrying(Channel.Logger, FullName, attempt, exception.StatusCode);
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
            await BackoffAsync(attempt, scope).ConfigureAwait(false);
        }
    }

    /// <summary>Like <see cref="InvokeAsync"/>, with the response headers and trailers.</summary>
    public async Task<GrpcResponse<TResponse>> InvokeWithMetadataAsync(TRequest request, CallOptions options = default)
    {
        using var scope = new CallScope(Channel, Names, options, cancellable: false);
        var call = await RunAsync(request, options, scope).ConfigureAwait(false);
        return new GrpcResponse<TResponse>(call.Current, await call.GetResponseHeadersAsync().ConfigureAwait(false), call.Trailers);
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<ClientCall<TRequest, TResponse>> RunAsync(TRequest request, CallOptions options, CallScope scope)
    {
        ArgumentNullException.ThrowIfNull(request);
        for (var attempt = 1; ; attempt++)
        {
            var call = new ClientCall<TRequest, TResponse>(this, options, scope, ownsScope: false, singleResponse: true);
            try
            {
                await call.InvokeUnaryAsync(request).ConfigureAwait(false);
                scope.Finish(StatusCode.OK);
                return call;
            }
            catch (RpcException exception) when (ShouldRetry(exception, options, attempt, scope))
            {
                ClientLog.Retrying(Channel.Logger, FullName, attempt, exception.StatusCode);
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
            await BackoffAsync(attempt, scope).ConfigureAwait(false);
        }
    }

    private bool ShouldRetry(RpcException exception, in CallOptions options, int attempt, CallScope scope) =>
        options.IsIdempotent && exception.StatusCode == StatusCode.Unavailable && attempt < Channel.Options.MaxAttempts
        && !scope.Token.IsCancellationRequested;

    private async Task BackoffAsync(int attempt, CallScope scope)
    {
        var delay = Channel.Options.RetryBackoff * Math.Pow(2, attempt - 1) * (0.8 + Random.Shared.NextDouble() * 0.4);
        try
        {
            await Task.Delay(delay, Channel.Options.TimeProvider, scope.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException exception)
        {
            var rpc = scope.Translate(exception);
            scope.Finish(rpc.StatusCode);
            throw rpc;
        }
    }
}
