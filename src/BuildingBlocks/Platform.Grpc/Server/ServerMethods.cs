using Google.Protobuf;
using Microsoft.AspNetCore.Http;
using Platform.Grpc.Telemetry;

namespace Platform.Grpc;

// One class per method kind; each calls a delegate compiled from the handler method once, at mapping time.

internal sealed class UnaryServerMethod<TService, TRequest, TResponse>(
    MethodNames names, GrpcServerRuntime runtime, ServiceActivator<TService> activator, MessageParser<TRequest> parser,
    Func<TService, TRequest, ServerCallContext, Task<TResponse>> handler) : ServerMethod(names, runtime, streamsRequests: false)
    where TService : class where TRequest : class, IMessage<TRequest> where TResponse : class, IMessage<TResponse>
{
    protected override async Task InvokeAsync(HttpContext http, ServerCallContext call)
    {
        var request = await call.ReadSingleMessageAsync(parser).ConfigureAwait(false);
        var service = activator.Create(http);
        TResponse response;
        try
        {
            response = await handler(service, request, call).ConfigureAwait(false);
        }
        finally
        {
            await activator.ReleaseAsync(service).ConfigureAwait(false);
        }
        if (response is null) throw new InvalidOperationException($"{Names.Path} returned no response message.");
        // Unflushed: Kestrel sends the message and the trailers together when the request ends.
        if (!call.DeadlineExceeded) call.WriteLastMessage(response);
    }
}

internal sealed class ServerStreamingServerMethod<TService, TRequest, TResponse>(
    MethodNames names, GrpcServerRuntime runtime, ServiceActivator<TService> activator, MessageParser<TRequest> parser,
    Func<TService, TRequest, IServerStreamWriter<TResponse>, ServerCallContext, Task> handler) : ServerMethod(names, runtime, streamsRequests: false)
    where TService : class where TRequest : class, IMessage<TRequest> where TResponse : class, IMessage<TResponse>
{
    protected override async Task InvokeAsync(HttpContext http, ServerCallContext call)
    {
        var request = await call.ReadSingleMessageAsync(parser).ConfigureAwait(false);
        var service = activator.Create(http);
        try
        {
            await handler(service, request, new ServerStreamWriter<TResponse>(call), call).ConfigureAwait(false);
        }
        finally
        {
            await activator.ReleaseAsync(service).ConfigureAwait(false);
        }
    }
}

internal sealed class ClientStreamingServerMethod<TService, TRequest, TResponse>(
    MethodNames names, GrpcServerRuntime runtime, ServiceActivator<TService> activator, MessageParser<TRequest> parser,
    Func<TService, IAsyncStreamReader<TRequest>, ServerCallContext, Task<TResponse>> handler) : ServerMethod(names, runtime, streamsRequests: true)
    where TService : class where TRequest : class, IMessage<TRequest> where TResponse : class, IMessage<TResponse>
{
    protected override async Task InvokeAsync(HttpContext http, ServerCallContext call)
    {
        var service = activator.Create(http);
        TResponse response;
        try
        {
            response = await handler(service, new ServerStreamReader<TRequest>(call, parser), call).ConfigureAwait(false);
        }
        finally
        {
            await activator.ReleaseAsync(service).ConfigureAwait(false);
        }
        if (response is null) throw new InvalidOperationException($"{Names.Path} returned no response message.");
        if (!call.DeadlineExceeded) call.WriteLastMessage(response);
    }
}

internal sealed class DuplexStreamingServerMethod<TService, TRequest, TResponse>(
    MethodNames names, GrpcServerRuntime runtime, ServiceActivator<TService> activator, MessageParser<TRequest> parser,
    Func<TService, IAsyncStreamReader<TRequest>, IServerStreamWriter<TResponse>, ServerCallContext, Task> handler)
    : ServerMethod(names, runtime, streamsRequests: true)
    where TService : class where TRequest : class, IMessage<TRequest> where TResponse : class, IMessage<TResponse>
{
    protected override async Task InvokeAsync(HttpContext http, ServerCallContext call)
    {
        var service = activator.Create(http);
        try
        {
            await handler(service, new ServerStreamReader<TRequest>(call, parser), new ServerStreamWriter<TResponse>(call), call).ConfigureAwait(false);
        }
        finally
        {
            await activator.ReleaseAsync(service).ConfigureAwait(false);
        }
    }
}
