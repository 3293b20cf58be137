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
    public Task<TResponse> InvokeAsync(TRequest request, CallOptions options = default) =>
        ClientCall<TRequest, TResponse>.InvokeUnaryAsync(this, request, options, succeeded: null);

    /// <summary>Like <see cref="InvokeAsync"/>, with the response headers and trailers.</summary>
    public async Task<GrpcResponse<TResponse>> InvokeWithMetadataAsync(TRequest request, CallOptions options = default)
    {
        var succeeded = new StrongBox<ClientCall<TRequest, TResponse>>();
        var message = await ClientCall<TRequest, TResponse>.InvokeUnaryAsync(this, request, options, succeeded).ConfigureAwait(false);
        var call = succeeded.Value!;
        return new GrpcResponse<TResponse>(message, await call.GetResponseHeadersAsync().ConfigureAwait(false), call.Trailers);
    }

    internal bool ShouldRetry(RpcException exception, in CallOptions options, int attempt, CallScope scope) =>
        options.IsIdempotent && exception.StatusCode == StatusCode.Unavailable && attempt < Channel.Options.MaxAttempts
        && !scope.Token.IsCancellationRequested;

    internal async Task BackoffAsync(int attempt, CallScope scope)
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
