using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Platform.Grpc;

/// <summary>A server-streaming method: one request, a stream of responses.</summary>
public sealed class ServerStreamingMethod<TRequest, TResponse> : ClientMethod<TRequest, TResponse>
    where TRequest : class, IMessage<TRequest> where TResponse : class, IMessage<TResponse>
{
    internal ServerStreamingMethod(GrpcChannel channel, MethodDescriptor method) : base(channel, method) { }

    /// <summary>Starts the call; dispose the returned call to cancel it before the end.</summary>
    public ServerStreamingCall<TResponse> Start(TRequest request, CallOptions options = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var call = new ClientCall<TRequest, TResponse>(this, options, new CallScope(Channel, Names, options, cancellable: true), ownsScope: true, singleResponse: false);
        call.Start(request);
        return new ServerStreamingCall<TResponse>(call, call);
    }
}

/// <summary>A client-streaming method: a stream of requests, one response.</summary>
public sealed class ClientStreamingMethod<TRequest, TResponse> : ClientMethod<TRequest, TResponse>
    where TRequest : class, IMessage<TRequest> where TResponse : class, IMessage<TResponse>
{
    internal ClientStreamingMethod(GrpcChannel channel, MethodDescriptor method) : base(channel, method) { }

    public ClientStreamingCall<TRequest, TResponse> Start(CallOptions options = default)
    {
        var call = new ClientCall<TRequest, TResponse>(this, options, new CallScope(Channel, Names, options, cancellable: true), ownsScope: true, singleResponse: true);
        call.Start(null);
        return new ClientStreamingCall<TRequest, TResponse>(call);
    }
}

/// <summary>A bidirectional streaming method: requests and responses flow independently.</summary>
public sealed class DuplexStreamingMethod<TRequest, TResponse> : ClientMethod<TRequest, TResponse>
    where TRequest : class, IMessage<TRequest> where TResponse : class, IMessage<TResponse>
{
    internal DuplexStreamingMethod(GrpcChannel channel, MethodDescriptor method) : base(channel, method) { }

    public DuplexStreamingCall<TRequest, TResponse> Start(CallOptions options = default)
    {
        var call = new ClientCall<TRequest, TResponse>(this, options, new CallScope(Channel, Names, options, cancellable: true), ownsScope: true, singleResponse: false);
        call.Start(null);
        return new DuplexStreamingCall<TRequest, TResponse>(call);
    }
}
