using Platform.Authentication.Callers;
using Platform.Contracts.Identity.V1;
using Platform.Domain;
using Platform.Grpc;
using Platform.Identity.Organizations;

namespace Platform.Identity.Grpc;

// Members: list, change role, remove, leave.
public sealed partial class OrganizationsService
{
    public async Task<ListMembersResponse> ListMembers(ListMembersRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context.User).RequireUser();
        var v = new Validation();
        var id = v.Uuid("organization_id", request.OrganizationId);
        var (offset, limit) = v.Page(request.Offset, request.Limit);
        v.ThrowIfInvalid();
        var organization = await queries.GetAsync(id, caller.UserId, context.CancellationToken);
        if (organization is null || (organization.MyRole is null && !caller.IsSupport)) throw new NotFoundException("No such organization.");
        var (page, total) = await queries.ListMembersAsync(id, offset, limit, context.CancellationToken);
        return new ListMembersResponse { Members = { page.Select(m => m.ToProto()) }, TotalCount = total };
    }

    public async Task<Membership> ChangeMemberRole(ChangeMemberRoleRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context.User).RequireUser();
        var v = new Validation();
        var id = v.Uuid("organization_id", request.OrganizationId);
        var userId = Input.UserId(v, "user_id", request.UserId);
        v.When(request.Role is not (Role.Member or Role.Admin), "role", "Must be ROLE_MEMBER or ROLE_ADMIN.");
        v.ThrowIfInvalid();
        await members.ChangeRoleAsync(caller, id, userId, request.Role == Role.Admin ? Roles.Admin : Roles.Member, context.CancellationToken);
        return await MembershipAsync(id, userId, context);
    }

    public async Task<RemoveMemberResponse> RemoveMember(RemoveMemberRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context.User).RequireUser();
        var v = new Validation();
        var id = v.Uuid("organization_id", request.OrganizationId);
        var userId = Input.UserId(v, "user_id", request.UserId);
        v.ThrowIfInvalid();
        await members.RemoveAsync(caller, id, userId, context.CancellationToken);
        return new RemoveMemberResponse();
    }

    public async Task<LeaveOrganizationResponse> LeaveOrganization(LeaveOrganizationRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context.User).RequireUser();
        var v = new Validation();
        var id = v.Uuid("organization_id", request.OrganizationId);
        v.ThrowIfInvalid();
        await members.LeaveAsync(caller, id, context.CancellationToken);
        return new LeaveOrganizationResponse();
    }

    private async Task<Membership> MembershipAsync(Guid organizationId, string userId, ServerCallContext context) =>
        (await queries.GetMembershipAsync(organizationId, userId, context.CancellationToken) ?? throw new NotFoundException("No such member.")).ToProto();
}
