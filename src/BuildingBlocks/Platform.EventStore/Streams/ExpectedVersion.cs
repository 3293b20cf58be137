namespace Platform.EventStore;

/// <summary>What the caller believes the stream's version is; a mismatch fails the append with a conflict.</summary>
public readonly record struct ExpectedVersion
{
    private ExpectedVersion(long value) => Value = value;

    /// <summary>-1 any, 0 no stream, n the exact version (as the append statement reads it).</summary>
    public long Value { get; }

    /// <summary>Append whatever the stream's version (it is created when missing).</summary>
    public static ExpectedVersion Any { get; } = new(-1);

    /// <summary>The stream must not exist yet.</summary>
    public static ExpectedVersion NoStream { get; } = new(0);

    /// <summary>The stream must be at <paramref name="version"/> (0 means it must not exist).</summary>
    public static ExpectedVersion Exactly(long version) =>
        version >= 0 ? new(version) : throw new ArgumentOutOfRangeException(nameof(version), "A stream version is 0 or more.");

    public override string ToString() => Value switch { -1 => "any", 0 => "no stream", _ => Value.ToString() };
}
