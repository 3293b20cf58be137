namespace Platform.Testing.Telemetry;

/// <summary>A span as an OTLP receiver got it: its name, the scope (ActivitySource) and its resource's attributes.</summary>
public sealed record ReceivedSpan(string Name, string Scope, IReadOnlyDictionary<string, string> Resource, string Protocol)
{
    public string? ServiceName => Resource.GetValueOrDefault("service.name");
}
