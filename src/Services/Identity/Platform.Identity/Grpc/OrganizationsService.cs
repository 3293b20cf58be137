using Platform.Authentication.Callers;
using Platform.Contracts.Identity.V1;
using Platform.Domain;
using Platform.Grpc;
using Platform.Identity.Access;
using Platform.Identity.Invitations;
using Platform.Identity.Members;
using Platform.Identity.Organizations;
using Platform.Identity.Users;

namespace Platform.Identity.Grpc;

/// <summary>
/// <c>platform.identity.v1.Organizations</c>: validates input (all field errors at once, nothing changed), checks the
/// caller's kind, and hands over to the commands and queries. Identity accepts user and service JWTs only.
/// </summary>
[GrpcService(typeof(OrganizationsReflection), "platform.identity.v1.Organizations")]
public sealed partial class OrganizationsService(
    UserDirectory users,
    OrganizationCommands organizations,
    InvitationCommands invitations,
    MemberCommands members,
    OrganizationQueries queries,
    AccessQueries access,
    TimeProvider time)
{
    public async Task<User> GetMe(GetMeRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context.User).RequireUser();
        var user = await users.EnsureAsync(caller, cancellationToken: context.CancellationToken);
        var memberships = await queries.MembershipsOfAsync(user.UserId, context.CancellationToken);
        return new User
        {
            UserId = user.UserId,
            Email = user.Email,
            Name = user.Name,
            PersonalAccountId = user.PersonalAccountId.ToString(),
            Memberships = { memberships.Select(m => m.ToProto()) },
        };
    }

    public async Task<Organization> CreateOrganization(CreateOrganizationRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context.User).RequireUser();
        var v = new Validation();
        var name = Input.Name(v, "name", request.Name);
        v.ThrowIfInvalid();
        var id = await organizations.CreateAsync(caller, name, context.CancellationToken);
        return await ReadAsync(id, caller, context);
    }

    public async Task<Organization> RenameOrganization(RenameOrganizationRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context.User).RequireUser();
        var v = new Validation();
        var id = v.Uuid("organization_id", request.OrganizationId);
        var name = Input.Name(v, "name", request.Name);
        v.ThrowIfInvalid();
        await organizations.RenameAsync(caller, id, name, context.CancellationToken);
        return await ReadAsync(id, caller, context);
    }

    public async Task<Organization> GetOrganization(GetOrganizationRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context.User).RequireUser();
        var v = new Validation();
        var id = v.Uuid("organization_id", request.OrganizationId);
        v.ThrowIfInvalid();
        var row = await queries.GetAsync(id, caller.UserId, context.CancellationToken);
        if (row is null || (row.MyRole is null && !caller.IsSupport)) throw new NotFoundException("No such organization.");
        return row.ToProto();
    }

    public async Task<ListMyOrganizationsResponse> ListMyOrganizations(ListMyOrganizationsRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context.User).RequireUser();
        var v = new Validation();
        var (offset, limit) = v.Page(request.Offset, request.Limit);
        v.ThrowIfInvalid();
        var (page, total) = await queries.ListMineAsync(caller.UserId!, offset, limit, context.CancellationToken);
        return new ListMyOrganizationsResponse { Organizations = { page.Select(o => o.ToProto()) }, TotalCount = total };
    }

    public async Task<Organization> SetMemberLimit(SetMemberLimitRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context.User).RequireUser();
        var v = new Validation();
        var id = v.Uuid("organization_id", request.OrganizationId);
        v.When(request.MemberLimit is < 1 or > OrganizationRules.MaxMemberLimit, "member_limit", $"Must be 1 to {OrganizationRules.MaxMemberLimit}.");
        v.ThrowIfInvalid();
        await organizations.SetMemberLimitAsync(caller, id, request.MemberLimit, context.CancellationToken);
        return await ReadAsync(id, caller, context);
    }

    public async Task<GetAccessResponse> GetAccess(GetAccessRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context.User).RequireAuthenticated();
        var v = new Validation();
        var userId = Input.UserId(v, "user_id", request.UserId);
        var accountId = v.Uuid("account_id", request.AccountId);
        v.ThrowIfInvalid();
        if (caller.Kind != CallerKind.Service && !(caller.Kind == CallerKind.User && caller.UserId == userId))
            throw new PermissionDeniedException("GetAccess is for platform services, or a user asking about themselves.");
        return await access.GetAsync(userId, accountId, context.CancellationToken);
    }

    private async Task<Organization> ReadAsync(Guid id, Caller caller, ServerCallContext context) =>
        (await queries.GetAsync(id, caller.UserId, context.CancellationToken) ?? throw new NotFoundException("No such organization.")).ToProto();
}
