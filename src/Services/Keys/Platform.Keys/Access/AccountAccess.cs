namespace Platform.Keys.Access;

/// <summary>What a caller may do in one account: all of its keys (admin, management key) or only its own (member).</summary>
public sealed record AccountAccess(Guid AccountId, bool AllKeys, string? UserId)
{
    public bool CanSee(string creatorUserId) => AllKeys || creatorUserId == UserId;
}
