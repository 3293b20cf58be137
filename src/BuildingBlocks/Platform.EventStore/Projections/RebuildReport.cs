namespace Platform.EventStore;

/// <summary>How a table rebuilt from events compares with the live one (rows compared as whole JSON values).</summary>
public sealed record TableComparison(string Table, long LiveRows, long RebuiltRows, long OnlyInLive, long OnlyInRebuilt)
{
    public bool Matches => OnlyInLive == 0 && OnlyInRebuilt == 0;
}

public sealed record RebuildReport(string Projection, long EventsReplayed, long UpToPosition, IReadOnlyList<TableComparison> Tables, bool Replaced)
{
    public bool Matches => Tables.All(t => t.Matches);
}
