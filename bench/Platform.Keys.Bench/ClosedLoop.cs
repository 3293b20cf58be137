using System.Diagnostics;

namespace Platform.Keys.Bench;

/// <summary>N callers, each calling again as soon as its answer arrives, for a fixed time.</summary>
public static class ClosedLoop
{
    public static async Task<double> RunAsync(int callers, TimeSpan duration, Func<int, Task> call, Latencies latencies)
    {
        var end = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        long calls = 0;
        var start = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, callers).Select(c => Task.Run(async () =>
        {
            var i = c;
            while (Stopwatch.GetTimestamp() < end)
            {
                var begin = Stopwatch.GetTimestamp();
                await call(i);
                latencies.AddTicks(Stopwatch.GetTimestamp() - begin);
                Interlocked.Increment(ref calls);
                i += callers;
            }
        })));
        return calls / Stopwatch.GetElapsedTime(start).TotalSeconds;
    }
}
