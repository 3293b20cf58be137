using Platform.Authentication.Callers;
using Platform.Contracts.Identity.V1;
using Platform.Domain;
using Platform.Grpc;
using Platform.Identity.Organizations;

namespace Platform.Identity.Grpc;

// Invitations: invite, list, revoke, accept.
public sealed partial class OrganizationsService
{
    public async Task<InviteMemberResponse> InviteMember(InviteMemberRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context.User).RequireUser();
        var v = new Validation();
        var id = v.Uuid("organization_id", request.OrganizationId);
        var email = Input.Email(v, "email", request.Email);
        var role = request.Role switch
        {
            Role.Unspecified or Role.Member => Roles.Member,
            Role.Admin => Roles.Admin,
            _ => null,
        };
        v.When(role is null, "role", "Must be ROLE_MEMBER or ROLE_ADMIN (unspecified means member).");
        v.ThrowIfInvalid();
        var (invitationId, token) = await invitations.InviteAsync(caller, id, email, role!, context.CancellationToken);
        var invitation = await queries.GetInvitationAsync(invitationId, context.CancellationToken) ?? throw new NotFoundException("No such invitation.");
        return new InviteMemberResponse { Invitation = invitation.ToProto(time.GetUtcNow()), Token = token };
    }

    public async Task<ListInvitationsResponse> ListInvitations(ListInvitationsRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context.User).RequireUser();
        var v = new Validation();
        var id = v.Uuid("organization_id", request.OrganizationId);
        var (offset, limit) = v.Page(request.Offset, request.Limit);
        v.ThrowIfInvalid();
        await RequireAdminAsync(id, caller, context);
        var now = time.GetUtcNow();
        var (page, total) = await queries.ListInvitationsAsync(id, request.IncludeClosed, now, offset, limit, context.CancellationToken);
        return new ListInvitationsResponse { Invitations = { page.Select(i => i.ToProto(now)) }, TotalCount = total };
    }

    public async Task<Invitation> RevokeInvitation(RevokeInvitationRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context.User).RequireUser();
        var v = new Validation();
        var id = v.Uuid("organization_id", request.OrganizationId);
        var invitationId = v.Uuid("invitation_id", request.InvitationId);
        v.ThrowIfInvalid();
        await invitations.RevokeAsync(caller, id, invitationId, context.CancellationToken);
        var invitation = await queries.GetInvitationAsync(invitationId, context.CancellationToken) ?? throw new NotFoundException("No such invitation.");
        return invitation.ToProto(time.GetUtcNow());
    }

    public async Task<Membership> AcceptInvitation(AcceptInvitationRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context.User).RequireUser();
        new Validation().When(string.IsNullOrWhiteSpace(request.Token) || request.Token.Length > 200, "token", "Must be an invitation token.").ThrowIfInvalid();
        var organizationId = await invitations.AcceptAsync(caller, request.Token, context.CancellationToken);
        return await MembershipAsync(organizationId, caller.UserId!, context);
    }

    private async Task RequireAdminAsync(Guid organizationId, Caller caller, ServerCallContext context)
    {
        var row = await queries.GetAsync(organizationId, caller.UserId, context.CancellationToken);
        if (row?.MyRole is null) throw new NotFoundException("No such organization.");
        if (row.MyRole != Roles.Admin) throw new PermissionDeniedException("Only an admin of the organization may do this.");
    }
}
