namespace Platform.Grpc;

/// <summary>Supplies the bearer credential of a call, sent as <c>authorization: Bearer …</c>.</summary>
public delegate ValueTask<string> BearerTokenProvider(CancellationToken cancellationToken);

/// <summary>Per-call settings: <c>new CallOptions { Timeout = TimeSpan.FromSeconds(2), IsIdempotent = true }</c>.</summary>
public readonly record struct CallOptions
{
    /// <summary>Request metadata sent as headers.</summary>
    public Metadata? Headers { get; init; }

    /// <summary>Absolute deadline (UTC). With <see cref="Timeout"/> too, the earlier one wins.</summary>
    public DateTime? Deadline { get; init; }

    /// <summary>Relative deadline from the start of the call.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>Cancels the call (the server sees RST_STREAM); the call then fails with CANCELLED.</summary>
    public CancellationToken CancellationToken { get; init; }

    /// <summary>The call may safely run more than once: UNAVAILABLE and connection failures are retried on the next address.</summary>
    public bool IsIdempotent { get; init; }

    /// <summary>Bearer credential for this call; overrides the channel's.</summary>
    public BearerTokenProvider? Credentials { get; init; }

    /// <summary><c>"gzip"</c> to compress request messages; overrides the channel's.</summary>
    public string? Compression { get; init; }
}
