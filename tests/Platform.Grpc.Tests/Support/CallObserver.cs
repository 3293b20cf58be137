using System.Collections.Concurrent;

namespace Platform.Grpc.Tests.Support;

/// <summary>What handlers observed, by call id, so a test can await it instead of sleeping.</summary>
public sealed class CallObserver
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _started = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource<string>> _cancelled = new();

    public void Started(string callId) => Source(_started, callId).TrySetResult();

    public void Cancelled(string callId, string reason) => Source(_cancelled, callId).TrySetResult(reason);

    public Task WaitStartedAsync(string callId) => Source(_started, callId).Task.WaitAsync(TimeSpan.FromSeconds(30));

    /// <summary>"deadline" or "cancelled", once the handler's token fired.</summary>
    public Task<string> WaitCancelledAsync(string callId) => Source(_cancelled, callId).Task.WaitAsync(TimeSpan.FromSeconds(30));

    private static TaskCompletionSource Source(ConcurrentDictionary<string, TaskCompletionSource> map, string id) =>
        map.GetOrAdd(id, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    private static TaskCompletionSource<string> Source(ConcurrentDictionary<string, TaskCompletionSource<string>> map, string id) =>
        map.GetOrAdd(id, _ => new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously));
}
