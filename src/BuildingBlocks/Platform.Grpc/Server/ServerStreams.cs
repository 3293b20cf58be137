using Google.Protobuf;

namespace Platform.Grpc;

internal sealed class ServerStreamReader<T>(ServerCallContext call, MessageParser<T> parser) : IAsyncStreamReader<T>
    where T : class, IMessage<T>
{
    private T? _current;

    public T Current => _current ?? throw new InvalidOperationException("No message was read yet.");

    public async ValueTask<bool> MoveNextAsync(CancellationToken cancellationToken = default)
    {
        var token = cancellationToken.CanBeCanceled && cancellationToken != call.CancellationToken ? cancellationToken : call.CancellationToken;
        using var linked = token == call.CancellationToken ? null : CancellationTokenSource.CreateLinkedTokenSource(token, call.CancellationToken);
        _current = await call.ReadMessageAsync(parser, linked?.Token ?? token).ConfigureAwait(false);
        return _current is not null;
    }
}

internal sealed class ServerStreamWriter<T>(ServerCallContext call) : IServerStreamWriter<T> where T : class, IMessage<T>
{
    public ValueTask WriteAsync(T message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        return call.WriteMessageAsync(message, cancellationToken.CanBeCanceled ? cancellationToken : call.CancellationToken);
    }
}
