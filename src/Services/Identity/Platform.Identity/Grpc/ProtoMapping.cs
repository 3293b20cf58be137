using Google.Protobuf.WellKnownTypes;
using Platform.Contracts.Identity.V1;
using Platform.Identity.Organizations;

namespace Platform.Identity.Grpc;

/// <summary>Read-model rows to proto messages.</summary>
public static class ProtoMapping
{
    public static Role ToRole(string? role) => role switch
    {
        Roles.Admin => Role.Admin,
        Roles.Member => Role.Member,
        _ => Role.Unspecified,
    };

    public static Organization ToProto(this OrganizationRow o) => new()
    {
        OrganizationId = o.OrganizationId.ToString(),
        AccountId = o.AccountId.ToString(),
        Name = o.Name,
        MemberLimit = o.MemberLimit,
        MemberCount = o.MemberCount,
        CreatedAt = Utc(o.CreatedAt),
        MyRole = ToRole(o.MyRole),
    };

    public static Membership ToProto(this MembershipRow m) => new()
    {
        OrganizationId = m.OrganizationId.ToString(),
        AccountId = m.AccountId.ToString(),
        OrganizationName = m.OrganizationName,
        UserId = m.UserId,
        Email = m.Email ?? "",
        Name = m.Name ?? "",
        Role = ToRole(m.Role),
        JoinedAt = Utc(m.JoinedAt),
    };

    public static Invitation ToProto(this InvitationRow i, DateTimeOffset now) => new()
    {
        InvitationId = i.InvitationId.ToString(),
        OrganizationId = i.OrganizationId.ToString(),
        Email = i.Email,
        Role = ToRole(i.Role),
        State = i.State switch
        {
            "accepted" => InvitationState.Accepted,
            "revoked" => InvitationState.Revoked,
            _ when i.ExpiresAt <= now.UtcDateTime => InvitationState.Expired,
            _ => InvitationState.Pending,
        },
        InvitedByUserId = i.InvitedByUserId,
        CreatedAt = Utc(i.CreatedAt),
        ExpiresAt = Utc(i.ExpiresAt),
    };

    private static Timestamp Utc(DateTime value) => Timestamp.FromDateTime(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
