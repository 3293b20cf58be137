using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Platform.EventStore;

/// <summary>
/// Group commit: an append made while another is in flight waits here, and a committer writes everything waiting in
/// one round trip and one transaction. Commit, WAL flush and round trip, the larger part of a small append's cost, are
/// then paid once per group (docs/event-store.md, "Group commit"). An append with nothing else in flight skips the queue.
/// </summary>
internal sealed class AppendQueue(NpgsqlDataSource dataSource, GroupCommitter committer, EventStoreOptions options) : IAsyncDisposable, IDisposable
{
    private readonly Channel<GroupEntry> _waiting = Channel.CreateUnbounded<GroupEntry>();
    private readonly Lock _starting = new();
    private Task[]? _committers;
    private int _inFlight;

    /// <summary>How many appends wait for a committer.</summary>
    internal int Waiting => _waiting.Reader.Count;

    /// <summary>Writes an append made outside any caller's transaction, in a group or alone.</summary>
    public async Task<WrittenEvents> WriteAsync(PendingAppend append, Func<NpgsqlConnection, Task<WrittenEvents>> writeAlone,
        CancellationToken cancellationToken)
    {
        var alone = Interlocked.Increment(ref _inFlight) == 1 || !options.GroupCommit.Enabled;
        try
        {
            if (!alone && await JoinGroupAsync(append, cancellationToken) is { } written) return written;
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            return await writeAlone(connection);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    /// <summary>The append's events, or null when its group wrote nothing of it and it must be written alone.</summary>
    private async Task<WrittenEvents?> JoinGroupAsync(PendingAppend append, CancellationToken cancellationToken)
    {
        StartCommitters();
        var entry = new GroupEntry(append, new TaskCompletionSource<WrittenEvents?>(TaskCreationOptions.RunContinuationsAsynchronously), cancellationToken);
        if (!_waiting.Writer.TryWrite(entry)) return null; // shutting down
        return await entry.Written.Task.WaitAsync(cancellationToken);
    }

    private void StartCommitters()
    {
        if (Volatile.Read(ref _committers) is not null) return;
        lock (_starting)
            _committers ??= Enumerable.Range(0, options.GroupCommit.Connections).Select(_ => Task.Run(CommitWaitingAsync)).ToArray();
    }

    private async Task CommitWaitingAsync()
    {
        var group = new List<GroupEntry>();
        while (await _waiting.Reader.WaitToReadAsync())
        {
            while (group.Count < options.GroupCommit.MaxAppends && _waiting.Reader.TryRead(out var entry))
                if (entry.Cancellation.IsCancellationRequested) entry.Written.TrySetCanceled(entry.Cancellation);
                else group.Add(entry);
            if (group.Count > 0) await committer.CommitAsync(group);
            group.Clear();
        }
    }

    /// <summary>Stops taking appends and commits those already waiting: nothing accepted is dropped.</summary>
    public async ValueTask DisposeAsync()
    {
        _waiting.Writer.TryComplete();
        Task[]? committers;
        lock (_starting) committers = _committers;
        if (committers is not null) await Task.WhenAll(committers);
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();
}

/// <summary>An append waiting for its group, and where its outcome goes.</summary>
internal sealed record GroupEntry(PendingAppend Append, TaskCompletionSource<WrittenEvents?> Written, CancellationToken Cancellation);
