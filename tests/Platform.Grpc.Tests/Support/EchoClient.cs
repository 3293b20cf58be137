using Platform.Grpc.Tests.Echo;

namespace Platform.Grpc.Tests.Support;

/// <summary>
/// The typed-client pattern service authors follow: method handles taken from the proto descriptor in the constructor
/// (so a client that drifted from its proto fails when built), and thin methods over them.
/// </summary>
public sealed class EchoClient
{
    private readonly ServerStreamingMethod<EchoRequest, EchoReply> _serverStream;
    private readonly ClientStreamingMethod<EchoRequest, EchoReply> _clientStream;
    private readonly DuplexStreamingMethod<EchoRequest, EchoReply> _bidi;

    public EchoClient(GrpcChannel channel)
    {
        var service = new GrpcClient(channel, EchoReflection.Descriptor, "platform.test.v1.Echo");
        UnaryMethod = service.Unary<EchoRequest, EchoReply>("Unary");
        _serverStream = service.ServerStreaming<EchoRequest, EchoReply>("ServerStream");
        _clientStream = service.ClientStreaming<EchoRequest, EchoReply>("ClientStream");
        _bidi = service.DuplexStreaming<EchoRequest, EchoReply>("Bidi");
    }

    public UnaryMethod<EchoRequest, EchoReply> UnaryMethod { get; }

    public Task<EchoReply> UnaryAsync(EchoRequest request, CallOptions options = default) => UnaryMethod.InvokeAsync(request, options);

    public ServerStreamingCall<EchoReply> ServerStream(EchoRequest request, CallOptions options = default) => _serverStream.Start(request, options);

    public ClientStreamingCall<EchoRequest, EchoReply> ClientStream(CallOptions options = default) => _clientStream.Start(options);

    public DuplexStreamingCall<EchoRequest, EchoReply> Bidi(CallOptions options = default) => _bidi.Start(options);
}
