namespace Platform.EventStore;

/// <summary>The first link of a stream that does not verify: where, why, and the hash expected versus stored.</summary>
public sealed record ChainBreak(string StreamId, long Version, string Reason, byte[] ExpectedHash, byte[] FoundHash);

public sealed record StreamVerification(string StreamId, long EventsChecked, long StreamVersion, byte[] HeadHash, ChainBreak? Break)
{
    public bool IsValid => Break is null;
}

/// <summary>Progress of a whole-log verification; the last one has <see cref="Completed"/> and all breaks found.</summary>
public sealed record VerificationProgress(long EventsChecked, long StreamsChecked, long Position, bool Completed, IReadOnlyList<ChainBreak> Breaks)
{
    public bool IsValid => Breaks.Count == 0;
}
