using Platform.AppHost.Model;
using Platform.Hosting.Local;

namespace Platform.AppHost.Orchestration;

/// <summary>
/// The port of every endpoint: an override from <c>--port</c> (<c>name.endpoint</c>, or <c>name</c> for the main one),
/// else a free one with <c>--free-ports</c> or when declared as 0, else the declared default.
/// </summary>
public sealed class PortPlan
{
    private readonly Dictionary<string, int> _ports = [];

    public PortPlan(IEnumerable<Resource> resources, AppHostOptions options)
    {
        var declared = resources.SelectMany(r => r.Endpoints.Select((e, i) => (Key: $"{r.Name}.{e.Name}", Main: i == 0 ? r.Name : null, e.Port))).ToList();
        var unknown = options.Ports.Keys.Where(k => !declared.Any(d => d.Key == k || d.Main == k)).ToList();
        if (unknown.Count > 0)
            throw new AppHostException($"--port names no endpoint: {string.Join(", ", unknown)}. Known: {string.Join(", ", declared.Select(d => d.Key))}.");

        foreach (var (key, main, port) in declared)
        {
            _ports[key] = options.Ports.TryGetValue(key, out var chosen) || (main is not null && options.Ports.TryGetValue(main, out chosen))
                ? chosen
                : options.FreePorts || port == 0 ? FreePort.Next() : port;
        }
        var taken = _ports.GroupBy(p => p.Value).FirstOrDefault(g => g.Count() > 1);
        if (taken is not null) throw new AppHostException($"Port {taken.Key} is given to more than one endpoint: {string.Join(", ", taken.Select(p => p.Key))}.");
    }

    public int this[Resource resource, string endpoint] => _ports[$"{resource.Name}.{endpoint}"];

    /// <summary>Fails before anything starts when a port is taken, naming the flag that moves it.</summary>
    public void EnsureFree()
    {
        var busy = _ports.Where(p => !FreePort.IsFree(p.Value)).ToList();
        if (busy.Count > 0)
            throw new AppHostException("Ports in use: " + string.Join(", ", busy.Select(p => $"{p.Value} ({p.Key})")) +
                                       ". Stop what uses them (another AppHost?), or move them with --port NAME=PORT or --free-ports.");
    }
}
