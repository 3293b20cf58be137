namespace Platform.AppHost.Orchestration;

public enum ResourceState { Pending, Building, Starting, Running, Restarting, Stopping, Stopped, Exited, Failed }

public enum ResourceHealth { Unknown, Healthy, Unhealthy }

/// <summary>What the AppHost knows about one resource now: the live table's row.</summary>
public sealed record ResourceSnapshot(string Name, string Kind)
{
    public ResourceState State { get; init; } = ResourceState.Pending;
    public ResourceHealth Health { get; init; } = ResourceHealth.Unknown;

    /// <summary>Endpoint name -> URL (no secrets: those are only in endpoints.json).</summary>
    public IReadOnlyDictionary<string, string> Endpoints { get; init; } = new Dictionary<string, string>();

    public int? ProcessId { get; init; }
    public int Restarts { get; init; }

    public bool IsHealthy => State == ResourceState.Running && Health == ResourceHealth.Healthy;
}
