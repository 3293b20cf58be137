using System.Collections.Concurrent;

namespace Platform.AppHost.Orchestration;

/// <summary>Every resource's current snapshot; a change of state or health is also written to the log.</summary>
public sealed class ResourceBoard(AppHostLog log)
{
    private readonly ConcurrentDictionary<string, ResourceSnapshot> _snapshots = new();
    private readonly List<string> _order = [];

    public IReadOnlyList<ResourceSnapshot> All
    {
        get
        {
            lock (_order) return _order.Select(name => _snapshots[name]).ToList();
        }
    }

    public ResourceSnapshot this[string name] => _snapshots[name];

    public void Add(ResourceSnapshot snapshot)
    {
        lock (_order)
        {
            _order.Add(snapshot.Name);
            _snapshots[snapshot.Name] = snapshot;
        }
    }

    public void Update(string name, Func<ResourceSnapshot, ResourceSnapshot> change)
    {
        ResourceSnapshot before, after;
        lock (_order)
        {
            before = _snapshots[name];
            after = change(before);
            _snapshots[name] = after;
        }
        if (before.State != after.State || (before.Health != after.Health && after.State == ResourceState.Running))
        {
            var pid = after.ProcessId is { } id && after.State == ResourceState.Running ? $" (pid {id})" : "";
            var health = after.State == ResourceState.Running ? $", {after.Health.ToString().ToLowerInvariant()}" : "";
            log.AppHost($"{name}: {after.State.ToString().ToLowerInvariant()}{pid}{health}");
        }
    }
}
