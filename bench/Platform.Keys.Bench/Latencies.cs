using System.Collections.Concurrent;
using System.Diagnostics;

namespace Platform.Keys.Bench;

/// <summary>Every sample kept (in microseconds) for exact percentiles.</summary>
public sealed class Latencies
{
    private readonly ConcurrentBag<List<double>> _lists = [];
    private readonly ThreadLocal<List<double>> _local;

    public Latencies() => _local = new ThreadLocal<List<double>>(() =>
    {
        var list = new List<double>(200_000);
        _lists.Add(list);
        return list;
    });

    public void Add(double micros) => _local.Value!.Add(micros);

    public void AddTicks(long stopwatchTicks) => Add(stopwatchTicks * 1_000_000.0 / Stopwatch.Frequency);

    public string Summary()
    {
        var all = _lists.SelectMany(l => l).ToArray();
        Array.Sort(all);
        double P(double p) => all.Length == 0 ? 0 : all[Math.Min(all.Length - 1, (int)(all.Length * p))];
        return $"n={all.Length:N0} p50={P(0.50):N0} µs p99={P(0.99):N0} µs p999={P(0.999):N0} µs max={(all.Length == 0 ? 0 : all[^1]):N0} µs";
    }
}
