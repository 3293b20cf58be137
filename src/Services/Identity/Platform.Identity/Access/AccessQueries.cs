using Platform.Contracts.Identity.V1;
using Platform.Identity.Grpc;
using Platform.Identity.Organizations;
using Platform.Identity.Users;

namespace Platform.Identity.Access;

/// <summary>"Is this user admin, member or nothing in this account?" from the read models, through <see cref="AccessCache"/>.</summary>
public sealed class AccessQueries(AccessCache cache, OrganizationQueries organizations, UserDirectory users)
{
    public async Task<GetAccessResponse> GetAsync(string userId, Guid accountId, CancellationToken ct)
    {
        if (cache.TryGet(userId, accountId, out var cached)) return cached;
        var generation = cache.Generation;
        var response = await LoadAsync(userId, accountId, ct);
        cache.Set(userId, accountId, response, generation);
        return response;
    }

    private async Task<GetAccessResponse> LoadAsync(string userId, Guid accountId, CancellationToken ct)
    {
        if (await organizations.OrganizationOfAccountAsync(accountId, ct) is { } organizationId)
        {
            var role = await organizations.RoleAsync(organizationId, userId, ct);
            return role is null
                ? new GetAccessResponse() // no access: say nothing about the account
                : new GetAccessResponse { Role = ProtoMapping.ToRole(role), AccountKind = AccountKind.Organization, OrganizationId = organizationId.ToString() };
        }
        var owner = await users.FindByPersonalAccountAsync(accountId, ct);
        return owner?.UserId == userId
            ? new GetAccessResponse { Role = Role.Admin, AccountKind = AccountKind.Personal } // a personal account's owner is its admin
            : new GetAccessResponse();
    }
}
