using System.CommandLine;
using Platform.Cli.Hosting;
using Platform.Cli.Organizations;
using Platform.Cli.Output;
using Platform.Contracts.Identity.V1;

namespace Platform.Cli.Keys;

/// <summary><c>--account ACC</c>, or <c>--org ORG</c> (its account), or by default the caller's personal account.</summary>
internal sealed class AccountResolver
{
    public Option<string?> Account { get; } = new("--account") { Description = "Account id (personal or organization)" };

    public Option<string?> Organization { get; } = new("--org") { Description = "An organization (id or name) whose account to use" };

    public IEnumerable<Option> Options => [Account, Organization];

    public async Task<string> ResolveAsync(Invocation run)
    {
        var (account, organization) = (run.Get(Account), run.Get(Organization));
        if (!string.IsNullOrWhiteSpace(account) && !string.IsNullOrWhiteSpace(organization))
            throw new CliException("Give --account or --org, not both.", ExitCodes.InvalidArgument);
        if (!string.IsNullOrWhiteSpace(account)) return account.Trim();
        if (!string.IsNullOrWhiteSpace(organization))
        {
            var id = await OrganizationResolver.OrganizationIdAsync(run, organization.Trim());
            return (await run.Organizations.GetOrganizationAsync(new GetOrganizationRequest { OrganizationId = id }, run.IdentityCall)).AccountId;
        }
        if (run.Credentials.UsesApiKey)
            throw new CliException("With an API key, give the key's account: --account ACCOUNT_ID.", ExitCodes.InvalidArgument);
        return (await run.Organizations.GetMeAsync(new GetMeRequest(), run.IdentityCall)).PersonalAccountId;
    }
}
