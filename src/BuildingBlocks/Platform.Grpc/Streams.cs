namespace Platform.Grpc;

/// <summary>A stream of incoming messages: requests on the server, responses on the client.</summary>
public interface IAsyncStreamReader<out T>
{
    /// <summary>The message read by the last successful <see cref="MoveNextAsync"/>.</summary>
    T Current { get; }

    /// <summary>Reads the next message; false at the end of the stream. Throws <see cref="RpcException"/> on a failed call.</summary>
    ValueTask<bool> MoveNextAsync(CancellationToken cancellationToken = default);
}

/// <summary>Writes response messages of a server-streaming or bidirectional handler, one at a time.</summary>
public interface IServerStreamWriter<in T>
{
    ValueTask WriteAsync(T message, CancellationToken cancellationToken = default);
}

/// <summary>Writes request messages of a client-streaming or bidirectional call, one at a time.</summary>
public interface IClientStreamWriter<in T>
{
    ValueTask WriteAsync(T message, CancellationToken cancellationToken = default);

    /// <summary>Ends the request stream (half-close): the server sees the end of its requests.</summary>
    ValueTask CompleteAsync();
}

public static class AsyncStreamReaderExtensions
{
    /// <summary>Reads every remaining message: <c>await foreach (var m in reader.ReadAllAsync())</c>.</summary>
    public static async IAsyncEnumerable<T> ReadAllAsync<T>(this IAsyncStreamReader<T> reader,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        while (await reader.MoveNextAsync(cancellationToken).ConfigureAwait(false)) yield return reader.Current;
    }
}
