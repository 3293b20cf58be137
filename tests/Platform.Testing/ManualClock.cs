namespace Platform.Testing;

/// <summary>
/// A clock tests move by hand (expiry, grace periods, spend windows). Only "now" is manual: timers and delays
/// still run on real time, so code under test should read <see cref="TimeProvider.GetUtcNow"/> for decisions.
/// </summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private long _ticks = start.UtcTicks;

    public ManualClock() : this(DateTimeOffset.UtcNow) { }

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);

    public void Set(DateTimeOffset now) => Interlocked.Exchange(ref _ticks, now.UtcTicks);
}
