namespace Platform.Identity.Invitations;

/// <summary>Configuration <c>Identity:Invitations</c>.</summary>
public sealed class InvitationOptions
{
    public const string SectionName = "Identity:Invitations";

    /// <summary>How long an invitation can be accepted (default 7 days).</summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromDays(7);
}
