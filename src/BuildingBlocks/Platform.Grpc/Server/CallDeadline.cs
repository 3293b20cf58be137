namespace Platform.Grpc;

/// <summary>
/// The deadline of a call that came with <c>grpc-timeout</c>: cancelled when it passes or when the client aborts.
/// </summary>
/// <remarks>
/// The token source itself carries the abort registration and the deadline instant, so a call without a deadline
/// (most of them) pays one null field in <see cref="ServerCallContext"/> instead of three.
/// </remarks>
internal sealed class CallDeadline : CancellationTokenSource
{
    private readonly CancellationTokenRegistration _abortRegistration;

    public CallDeadline(DateTime at, TimeSpan timeout, TimeProvider timeProvider, CancellationToken requestAborted)
        : base(timeout, timeProvider)
    {
        At = at;
        _abortRegistration = requestAborted.UnsafeRegister(static s => ((CancellationTokenSource)s!).Cancel(), this);
        if (timeout <= TimeSpan.Zero) Cancel();
    }

    /// <summary>When the caller stops waiting (UTC).</summary>
    public DateTime At { get; }

    protected override void Dispose(bool disposing)
    {
        if (disposing) _abortRegistration.Dispose();
        base.Dispose(disposing);
    }
}
