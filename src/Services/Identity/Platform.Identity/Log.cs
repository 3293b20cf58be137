namespace Platform.Identity;

// Ids, roles and counts only: never tokens, token hashes or email addresses' invitation tokens.
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "User {UserId} registered with personal account {AccountId}")]
    public static partial void UserRegistered(ILogger logger, string userId, Guid accountId);

    [LoggerMessage(2, LogLevel.Information, "Organization {OrganizationId} created by {ActorId}")]
    public static partial void OrganizationCreated(ILogger logger, Guid organizationId, string actorId);

    [LoggerMessage(3, LogLevel.Information, "Organization {OrganizationId} changed by {ActorId}: {EventTypes}")]
    public static partial void OrganizationChanged(ILogger logger, Guid organizationId, string actorId, string eventTypes);

    [LoggerMessage(4, LogLevel.Debug, "Organization {OrganizationId} changed concurrently; deciding again (attempt {Attempt})")]
    public static partial void ConcurrentChange(ILogger logger, Guid organizationId, int attempt);

    [LoggerMessage(5, LogLevel.Information, "Development token issued for subject {Subject}")]
    public static partial void DevelopmentTokenIssued(ILogger logger, string subject);

    [LoggerMessage(6, LogLevel.Warning, "The development issuer is enabled: anyone who reaches it can sign in as anyone")]
    public static partial void DevelopmentIssuerEnabled(ILogger logger);
}
