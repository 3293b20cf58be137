using Platform.AppHost.Orchestration;

namespace Platform.AppHost.Output;

/// <summary>The resource table's rows as text, shared by the live and the plain view.</summary>
internal static class ResourceTable
{
    public sealed record Row(string Name, string Kind, string State, string Health, string Endpoints, int Restarts);

    public static IEnumerable<Row> Rows(IEnumerable<ResourceSnapshot> snapshots) => snapshots.Select(s => new Row(
        s.Name,
        s.Kind,
        s.State.ToString().ToLowerInvariant() + (s.ProcessId is { } pid && s.State == ResourceState.Running ? $" ({pid})" : ""),
        s.State is ResourceState.Running ? s.Health.ToString().ToLowerInvariant() : "",
        string.Join(" ", s.Endpoints.Values),
        s.Restarts));

    public static IEnumerable<Row> Header => [new("RESOURCE", "TYPE", "STATE", "HEALTH", "ENDPOINTS", 0)];
}
