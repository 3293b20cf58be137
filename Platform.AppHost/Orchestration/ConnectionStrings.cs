using System.Collections.Concurrent;

namespace Platform.AppHost.Orchestration;

/// <summary>The connection strings the servers hand out once started (with their secrets), by resource name.</summary>
public sealed class ConnectionStrings
{
    private readonly ConcurrentDictionary<string, string> _values = new();

    public string this[string resource] => _values.TryGetValue(resource, out var value)
        ? value
        : throw new AppHostException($"'{resource}' has no connection string (yet).");

    internal void Set(string resource, string value) => _values[resource] = value;
}
