namespace Platform.Cli.Sessions;

/// <summary>What <c>platform login</c> keeps: the token, and who and where it is for (never printed).</summary>
internal sealed record SavedCredentials(string AccessToken, string UserId, string Email, DateTimeOffset? ExpiresAt, string Identity);
