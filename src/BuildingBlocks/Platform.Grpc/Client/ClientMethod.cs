using Google.Protobuf;
using Google.Protobuf.Reflection;
using Platform.Grpc.Telemetry;

namespace Platform.Grpc;

/// <summary>What every call of one method shares: names, parser and the request URI per channel address.</summary>
public abstract class ClientMethod<TRequest, TResponse>
    where TRequest : class, IMessage<TRequest> where TResponse : class, IMessage<TResponse>
{
    private readonly Uri[] _uris;

    private protected ClientMethod(GrpcChannel channel, MethodDescriptor method)
    {
        Channel = channel;
        Names = new MethodNames(method.Service.FullName, method.Name);
        Parser = (MessageParser<TResponse>)method.OutputType.Parser;
        _uris = channel.Addresses.Select(a => new Uri(a, Names.Path)).ToArray();
    }

    /// <summary>The full method name, <c>/package.Service/Method</c>.</summary>
    public string FullName => Names.Path;

    internal GrpcChannel Channel { get; }

    internal MethodNames Names { get; }

    internal MessageParser<TResponse> Parser { get; }

    internal Uri UriFor(int addressIndex) => _uris[addressIndex];
}
