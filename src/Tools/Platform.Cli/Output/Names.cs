using Platform.Contracts.Identity.V1;
using Platform.Contracts.Keys.V1;
using IdentityRole = Platform.Contracts.Identity.V1.Role;

namespace Platform.Cli.Output;

/// <summary>Enum values as people type and read them: admin, member, inference, pending.</summary>
internal static class Names
{
    public static string Role(IdentityRole role) => role switch { IdentityRole.Admin => "admin", IdentityRole.Member => "member", _ => "" };

    public static string Kind(KeyKind kind) => kind switch { KeyKind.Management => "management", KeyKind.Inference => "inference", _ => "" };

    public static string State(InvitationState state) => state switch
    {
        InvitationState.Pending => "pending",
        InvitationState.Accepted => "accepted",
        InvitationState.Revoked => "revoked",
        InvitationState.Expired => "expired",
        _ => "",
    };
}
