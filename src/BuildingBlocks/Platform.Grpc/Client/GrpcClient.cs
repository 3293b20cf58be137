using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Platform.Grpc;

/// <summary>
/// A proto service on a channel. Method handles come from the service's descriptor and are checked against it
/// (name, kind, message types) when obtained, so a typed client that drifts from its proto fails on construction.
/// </summary>
public sealed class GrpcClient
{
    public GrpcClient(GrpcChannel channel, ServiceDescriptor service)
    {
        Channel = channel;
        Service = service;
    }

    /// <summary>For <paramref name="file"/> = <c>KeysReflection.Descriptor</c> and <paramref name="serviceName"/> = <c>platform.keys.v1.Keys</c>.</summary>
    public GrpcClient(GrpcChannel channel, FileDescriptor file, string serviceName)
        : this(channel, file.Services.FirstOrDefault(s => s.FullName == serviceName)
            ?? throw new ArgumentException($"{file.Name} declares no service '{serviceName}'.", nameof(serviceName))) { }

    public GrpcChannel Channel { get; }

    public ServiceDescriptor Service { get; }

    public UnaryMethod<TRequest, TResponse> Unary<TRequest, TResponse>(string name)
        where TRequest : class, IMessage<TRequest> where TResponse : class, IMessage<TResponse> =>
        new(Channel, Find<TRequest, TResponse>(name, clientStreaming: false, serverStreaming: false));

    public ServerStreamingMethod<TRequest, TResponse> ServerStreaming<TRequest, TResponse>(string name)
        where TRequest : class, IMessage<TRequest> where TResponse : class, IMessage<TResponse> =>
        new(Channel, Find<TRequest, TResponse>(name, clientStreaming: false, serverStreaming: true));

    public ClientStreamingMethod<TRequest, TResponse> ClientStreaming<TRequest, TResponse>(string name)
        where TRequest : class, IMessage<TRequest> where TResponse : class, IMessage<TResponse> =>
        new(Channel, Find<TRequest, TResponse>(name, clientStreaming: true, serverStreaming: false));

    public DuplexStreamingMethod<TRequest, TResponse> DuplexStreaming<TRequest, TResponse>(string name)
        where TRequest : class, IMessage<TRequest> where TResponse : class, IMessage<TResponse> =>
        new(Channel, Find<TRequest, TResponse>(name, clientStreaming: true, serverStreaming: true));

    private MethodDescriptor Find<TRequest, TResponse>(string name, bool clientStreaming, bool serverStreaming)
    {
        var method = Service.FindMethodByName(name)
            ?? throw new InvalidOperationException($"{Service.FullName} has no method '{name}'. It has: {string.Join(", ", Service.Methods.Select(m => m.Name))}.");
        var path = $"{Service.FullName}/{name}";
        if (method.IsClientStreaming != clientStreaming || method.IsServerStreaming != serverStreaming)
            throw new InvalidOperationException($"{path} is {Kind(method.IsClientStreaming, method.IsServerStreaming)}, not {Kind(clientStreaming, serverStreaming)}.");
        if (method.InputType.ClrType != typeof(TRequest))
            throw new InvalidOperationException($"{path} takes {method.InputType.FullName}, not {typeof(TRequest).Name}.");
        if (method.OutputType.ClrType != typeof(TResponse))
            throw new InvalidOperationException($"{path} returns {method.OutputType.FullName}, not {typeof(TResponse).Name}.");
        return method;
    }

    private static string Kind(bool clientStreaming, bool serverStreaming) => (clientStreaming, serverStreaming) switch
    {
        (false, false) => "unary",
        (false, true) => "server streaming",
        (true, false) => "client streaming",
        (true, true) => "bidirectional streaming",
    };
}
