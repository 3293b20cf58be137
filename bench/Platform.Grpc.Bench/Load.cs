using System.Diagnostics;

namespace Platform.Grpc.Bench;

/// <summary>N callers in a closed loop for a fixed time; every latency is kept for exact percentiles.</summary>
public static class Load
{
    public sealed record Result(string Name, int Callers, long Calls, double Seconds, double P50Micros, double P99Micros, double CpuMicros,
        double ServerCpuMicros)
    {
        public double CallsPerSecond => Calls / Seconds;

        /// <summary>
        /// CPU time per call of this process (all threads: the clients, and the server too when it runs in this
        /// process). Spinning threads inflate it when the machine is contended.
        /// </summary>
        public double CpuMicrosPerCall => Calls == 0 ? 0 : CpuMicros / Calls;

        /// <summary>CPU time per call of the server process when it runs on its own; 0 otherwise.</summary>
        public double ServerCpuMicrosPerCall => Calls == 0 ? 0 : ServerCpuMicros / Calls;
    }

    /// <param name="serverCpu">The server process's CPU time when the server runs in another process.</param>
    public static async Task<Result> RunAsync(string name, int callers, TimeSpan warmup, TimeSpan duration, Func<Task> call,
        Func<TimeSpan>? serverCpu = null)
    {
        await RunLoopsAsync(callers, warmup, call, record: false);
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var server = serverCpu?.Invoke() ?? TimeSpan.Zero;
        var started = Stopwatch.GetTimestamp();
        var latencies = await RunLoopsAsync(callers, duration, call, record: true);
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        process.Refresh();
        var cpuMicros = (process.TotalProcessorTime - cpu).TotalMicroseconds;
        var serverMicros = ((serverCpu?.Invoke() ?? TimeSpan.Zero) - server).TotalMicroseconds;
        var all = latencies.SelectMany(l => l).ToArray();
        Array.Sort(all);
        return new Result(name, callers, all.Length, seconds, Micros(Percentile(all, 0.50)), Micros(Percentile(all, 0.99)), cpuMicros, serverMicros);
    }

    private static async Task<List<long>[]> RunLoopsAsync(int callers, TimeSpan duration, Func<Task> call, bool record)
    {
        var end = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var latencies = Enumerable.Range(0, callers).Select(_ => new List<long>(100_000)).ToArray();
        await Task.WhenAll(latencies.Select(list => Task.Run(async () =>
        {
            while (Stopwatch.GetTimestamp() < end)
            {
                var start = Stopwatch.GetTimestamp();
                await call();
                if (record) list.Add(Stopwatch.GetTimestamp() - start);
            }
        })));
        return latencies;
    }

    private static long Percentile(long[] sorted, double p) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)(sorted.Length * p))];

    private static double Micros(long ticks) => ticks * 1_000_000.0 / Stopwatch.Frequency;
}
