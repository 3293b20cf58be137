using System.Diagnostics;

namespace Platform.Keys.Bench;

/// <summary>
/// Calls at a fixed rate whatever the answers' speed (open loop): each call is due at its own instant, and its latency
/// counts from that instant, so a slow server cannot hide queueing by slowing the load down (no coordinated omission).
/// Calls that would exceed <c>maxInFlight</c> are counted as dropped.
/// </summary>
public static class OpenLoop
{
    public sealed record Result(long Sent, long Failed, long Dropped, double Seconds)
    {
        public double Rate => Sent / Seconds;
    }

    public static async Task<Result> RunAsync(int perSecond, TimeSpan duration, int maxInFlight, Func<int, Task> call, Latencies? fromDue,
        Latencies? fromSend = null)
    {
        long sent = 0, failed = 0, dropped = 0, inFlight = 0;
        var tasks = new List<Task>();
        var start = Stopwatch.GetTimestamp();
        var total = (long)(perSecond * duration.TotalSeconds);
        var ticksPerCall = (double)Stopwatch.Frequency / perSecond;
        for (long i = 0; i < total; i++)
        {
            var due = start + (long)(i * ticksPerCall);
            var wait = due - Stopwatch.GetTimestamp();
            if (wait > Stopwatch.Frequency / 1000) await Task.Delay(TimeSpan.FromTicks(wait * TimeSpan.TicksPerSecond / Stopwatch.Frequency));
            if (Interlocked.Read(ref inFlight) >= maxInFlight)
            {
                dropped++;
                continue;
            }
            Interlocked.Increment(ref inFlight);
            sent++;
            var index = (int)i;
            tasks.Add(Task.Run(async () =>
            {
                var sentAt = Stopwatch.GetTimestamp();
                try
                {
                    await call(index);
                    var now = Stopwatch.GetTimestamp();
                    fromDue?.AddTicks(now - due);
                    fromSend?.AddTicks(now - sentAt);
                }
                catch
                {
                    Interlocked.Increment(ref failed);
                }
                finally
                {
                    Interlocked.Decrement(ref inFlight);
                }
            }));
        }
        await Task.WhenAll(tasks);
        return new Result(sent, failed, dropped, Stopwatch.GetElapsedTime(start).TotalSeconds);
    }
}
