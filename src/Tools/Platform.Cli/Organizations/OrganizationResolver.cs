using Platform.Cli.Hosting;
using Platform.Cli.Output;
using Platform.Contracts.Identity.V1;

namespace Platform.Cli.Organizations;

/// <summary>ORG may be an organization id or the exact name of one of mine; USER a user id or a member's email.</summary>
internal static class OrganizationResolver
{
    public static async Task<string> OrganizationIdAsync(Invocation run, string organization)
    {
        if (Guid.TryParse(organization, out _)) return organization;
        var matches = new List<Organization>();
        for (var offset = 0; ; offset += 200)
        {
            var page = await run.Organizations.ListMyOrganizationsAsync(new ListMyOrganizationsRequest { Offset = offset, Limit = 200 }, run.IdentityCall);
            matches.AddRange(page.Organizations.Where(o => string.Equals(o.Name, organization, StringComparison.OrdinalIgnoreCase)));
            if (page.Organizations.Count == 0 || offset + page.Organizations.Count >= page.TotalCount) break;
        }
        return matches.Count switch
        {
            1 => matches[0].OrganizationId,
            0 => throw new CliException($"No organization of yours is named '{organization}' (give its id, or see `platform orgs list`).", ExitCodes.NotFoundOrDenied),
            _ => throw new CliException($"{matches.Count} of your organizations are named '{organization}': give the id ({string.Join(", ", matches.Select(m => m.OrganizationId))}).", ExitCodes.InvalidArgument),
        };
    }

    public static async Task<string> UserIdAsync(Invocation run, string organizationId, string user)
    {
        if (!user.Contains('@')) return user;
        for (var offset = 0; ; offset += 200)
        {
            var page = await run.Organizations.ListMembersAsync(new ListMembersRequest { OrganizationId = organizationId, Offset = offset, Limit = 200 }, run.IdentityCall);
            if (page.Members.FirstOrDefault(m => string.Equals(m.Email, user, StringComparison.OrdinalIgnoreCase)) is { } member) return member.UserId;
            if (page.Members.Count == 0 || offset + page.Members.Count >= page.TotalCount) break;
        }
        throw new CliException($"No member of organization {organizationId} has the email '{user}'.", ExitCodes.NotFoundOrDenied);
    }

    /// <summary>--role admin|member (the option accepts only those).</summary>
    public static Role Role(string? role) => role switch { "admin" => Contracts.Identity.V1.Role.Admin, _ => Contracts.Identity.V1.Role.Member };
}
