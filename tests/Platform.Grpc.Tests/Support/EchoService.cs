using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Platform.Domain;
using Platform.Grpc.Tests.Echo;

namespace Platform.Grpc.Tests.Support;

/// <summary>The test service: echoes, streams, and misbehaves on request (see echo.proto's behavior field).</summary>
[GrpcService(typeof(EchoReflection), "platform.test.v1.Echo")]
public sealed class EchoService(ServerIdentity identity, CallObserver observer, TimeProvider time)
{
    public async Task<EchoReply> Unary(EchoRequest request, ServerCallContext context)
    {
        await BehaveAsync(request, context);
        var reply = Reply(request, context, 0);
        await EchoMetadataAsync(reply, context);
        return reply;
    }

    public async Task ServerStream(EchoRequest request, IServerStreamWriter<EchoReply> responses, ServerCallContext context)
    {
        if (request.Behavior == "stream-then-wait")
        {
            await responses.WriteAsync(Reply(request, context, 0));
            await WaitForCancellationAsync(request, context);
            return;
        }
        await BehaveAsync(request, context);
        for (var i = 0; i < request.Count; i++)
        {
            var reply = Reply(request, context, i);
            reply.Text = $"{request.Text}-{i}";
            await responses.WriteAsync(reply);
        }
    }

    public async Task<EchoReply> ClientStream(IAsyncStreamReader<EchoRequest> requests, ServerCallContext context)
    {
        var texts = new List<string>();
        var payload = new MemoryStream();
        EchoRequest? first = null;
        await foreach (var request in requests.ReadAllAsync())
        {
            first ??= request;
            await BehaveAsync(request, context);
            texts.Add(request.Text);
            payload.Write(request.Payload.Span);
        }
        var reply = Reply(first ?? new EchoRequest(), context, texts.Count);
        reply.Text = string.Join(",", texts);
        reply.Payload = ByteString.CopyFrom(payload.ToArray());
        return reply;
    }

    public async Task Bidi(IAsyncStreamReader<EchoRequest> requests, IServerStreamWriter<EchoReply> responses, ServerCallContext context)
    {
        var index = 0;
        if (identity.GreetFirst) await context.WriteResponseHeadersAsync(new Metadata().Add("x-greeting", "hello"));
        while (await requests.MoveNextAsync())
        {
            await BehaveAsync(requests.Current, context);
            await responses.WriteAsync(Reply(requests.Current, context, index++));
        }
    }

    private EchoReply Reply(EchoRequest request, ServerCallContext context, int index)
    {
        var reply = new EchoReply
        {
            Text = request.Text,
            Payload = request.Payload,
            Index = index,
            Server = identity.Name,
            User = context.User.Identity?.Name ?? "",
            ReceivedAt = Timestamp.FromDateTimeOffset(time.GetUtcNow()),
            Encoding = context.GetHttpContext().Request.Headers["grpc-encoding"].ToString(),
        };
        foreach (var entry in context.RequestHeaders)
        {
            if (!entry.Key.StartsWith("x-", StringComparison.Ordinal)) continue;
            if (entry.IsBinary) reply.BinaryMetadata[entry.Key] = ByteString.CopyFrom(entry.ValueBytes);
            else reply.Metadata[entry.Key] = entry.Value;
        }
        return reply;
    }

    // Request metadata "x-…" comes back as trailers, plus one response header naming the server.
    private async Task EchoMetadataAsync(EchoReply reply, ServerCallContext context)
    {
        if (reply.Metadata.Count == 0 && reply.BinaryMetadata.Count == 0) return;
        await context.WriteResponseHeadersAsync(new Metadata().Add("x-server", identity.Name));
        foreach (var (key, value) in reply.Metadata) context.ResponseTrailers.Add(key, value);
        foreach (var (key, value) in reply.BinaryMetadata) context.ResponseTrailers.Add(key, value.ToByteArray());
    }

    private async Task BehaveAsync(EchoRequest request, ServerCallContext context)
    {
        identity.CountCall();
        if (identity.Unavailable) throw new RpcException(StatusCode.Unavailable, $"{identity.Name} is draining.");
        switch (request.Behavior)
        {
            case "wait": await WaitForCancellationAsync(request, context); break;
            case "validation": throw new ValidationException([new FieldViolation("email", "must contain @"), new FieldViolation("name", "is required")]);
            case "notfound": throw new NotFoundException("Key 42 was not found.");
            case "exists": throw new AlreadyExistsException("Key 42 already exists.");
            case "denied": throw new PermissionDeniedException();
            case "unauthenticated": throw new UnauthenticatedException();
            case "precondition": throw new FailedPreconditionException("The last admin cannot be removed.");
            case "conflict": throw new ConflictException("The key changed concurrently.");
            case "limit": throw new LimitExceededException("The credit pool is exhausted.");
            case "unhandled": throw new InvalidOperationException("secret-internal-detail: connection string Password=hunter2");
            case "rpc": throw new RpcException(StatusCode.OutOfRange, "Page 9 is out of range.", new Metadata().Add("x-reason", "paging"));
            case "mapped": throw new TeapotException("The teapot is empty.");
            case "unavailable": throw new RpcException(StatusCode.Unavailable, "Try another replica.");
        }
    }

    private async Task WaitForCancellationAsync(EchoRequest request, ServerCallContext context)
    {
        observer.Started(request.CallId);
        try
        {
            await Task.Delay(Timeout.Infinite, context.CancellationToken);
        }
        catch (OperationCanceledException)
        {
            // RequestAborted fires only for the client's RST_STREAM; otherwise our token fired for the deadline.
            observer.Cancelled(request.CallId, context.GetHttpContext().RequestAborted.IsCancellationRequested ? "cancelled" : "deadline");
            throw;
        }
    }
}

/// <summary>A service's own exception type, mapped with <c>options.MapException</c> in the tests.</summary>
public sealed class TeapotException(string message) : Exception(message);
