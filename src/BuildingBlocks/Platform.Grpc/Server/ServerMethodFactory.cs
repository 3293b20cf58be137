using System.Reflection;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Platform.Grpc.Telemetry;

namespace Platform.Grpc;

/// <summary>Builds the typed server method for a bound handler; reflection runs here, once, never per call.</summary>
internal static class ServerMethodFactory
{
    public static ServerMethod Create<TService>(MethodDescriptor proto, MethodInfo handler, GrpcServerRuntime runtime, ServiceActivator<TService> activator)
        where TService : class
    {
        var name = (proto.IsClientStreaming, proto.IsServerStreaming) switch
        {
            (false, false) => nameof(Unary),
            (false, true) => nameof(ServerStreaming),
            (true, false) => nameof(ClientStreaming),
            (true, true) => nameof(Duplex),
        };
        var factory = typeof(ServerMethodFactory).GetMethod(name, BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(typeof(TService), proto.InputType.ClrType, proto.OutputType.ClrType);
        var names = new MethodNames(proto.Service.FullName, proto.Name);
        return (ServerMethod)factory.Invoke(null, [names, runtime, activator, proto.InputType.Parser, handler])!;
    }

    private static ServerMethod Unary<TService, TRequest, TResponse>(MethodNames names, GrpcServerRuntime runtime,
        ServiceActivator<TService> activator, MessageParser parser, MethodInfo handler)
        where TService : class where TRequest : class, IMessage<TRequest> where TResponse : class, IMessage<TResponse> =>
        new UnaryServerMethod<TService, TRequest, TResponse>(names, runtime, activator, (MessageParser<TRequest>)parser,
            handler.CreateDelegate<Func<TService, TRequest, ServerCallContext, Task<TResponse>>>());

    private static ServerMethod ServerStreaming<TService, TRequest, TResponse>(MethodNames names, GrpcServerRuntime runtime,
        ServiceActivator<TService> activator, MessageParser parser, MethodInfo handler)
        where TService : class where TRequest : class, IMessage<TRequest> where TResponse : class, IMessage<TResponse> =>
        new ServerStreamingServerMethod<TService, TRequest, TResponse>(names, runtime, activator, (MessageParser<TRequest>)parser,
            handler.CreateDelegate<Func<TService, TRequest, IServerStreamWriter<TResponse>, ServerCallContext, Task>>());

    private static ServerMethod ClientStreaming<TService, TRequest, TResponse>(MethodNames names, GrpcServerRuntime runtime,
        ServiceActivator<TService> activator, MessageParser parser, MethodInfo handler)
        where TService : class where TRequest : class, IMessage<TRequest> where TResponse : class, IMessage<TResponse> =>
        new ClientStreamingServerMethod<TService, TRequest, TResponse>(names, runtime, activator, (MessageParser<TRequest>)parser,
            handler.CreateDelegate<Func<TService, IAsyncStreamReader<TRequest>, ServerCallContext, Task<TResponse>>>());

    private static ServerMethod Duplex<TService, TRequest, TResponse>(MethodNames names, GrpcServerRuntime runtime,
        ServiceActivator<TService> activator, MessageParser parser, MethodInfo handler)
        where TService : class where TRequest : class, IMessage<TRequest> where TResponse : class, IMessage<TResponse> =>
        new DuplexStreamingServerMethod<TService, TRequest, TResponse>(names, runtime, activator, (MessageParser<TRequest>)parser,
            handler.CreateDelegate<Func<TService, IAsyncStreamReader<TRequest>, IServerStreamWriter<TResponse>, ServerCallContext, Task>>());
}
