using System.CommandLine;
using Platform.Cli.Hosting;
using Platform.Contracts.Identity.V1;

namespace Platform.Cli.Organizations;

/// <summary><c>platform orgs ...</c>: organizations; members and invitations are in their own files.</summary>
internal static class OrganizationCommands
{
    public static Command Create(CliHost host)
    {
        var orgs = new Command("orgs", "Organizations, their members and invitations");
        orgs.Subcommands.Add(CreateOrganization(host));
        orgs.Subcommands.Add(List(host));
        orgs.Subcommands.Add(Get(host));
        orgs.Subcommands.Add(Rename(host));
        foreach (var command in MemberCommands.Create(host)) orgs.Subcommands.Add(command);
        foreach (var command in InvitationCommands.Create(host)) orgs.Subcommands.Add(command);
        return orgs;
    }

    internal static Argument<string> OrgArgument() => new("ORG") { Description = "Organization id, or the exact name of one of yours" };

    private static Command CreateOrganization(CliHost host)
    {
        var name = new Argument<string>("NAME") { Description = "1 to 100 characters" };
        var command = new Command("create", "Create an organization; you become its admin") { name };
        host.Handle(command, async run =>
        {
            var organization = await run.Organizations.CreateOrganizationAsync(new CreateOrganizationRequest { Name = run.Get(name) }, run.IdentityCall);
            run.Output.Write(organization, console => OrganizationViews.Organization(console, organization));
        });
        return command;
    }

    private static Command List(CliHost host)
    {
        var (offset, limit) = (Paging.Offset(), Paging.Limit());
        var command = new Command("list", "The organizations you belong to") { offset, limit };
        host.Handle(command, async run =>
        {
            var page = await run.Organizations.ListMyOrganizationsAsync(
                new ListMyOrganizationsRequest { Offset = run.Get(offset), Limit = run.Get(limit) }, run.IdentityCall);
            run.Output.Write(page, console => OrganizationViews.Organizations(console, page, run.Get(offset)));
        });
        return command;
    }

    private static Command Get(CliHost host)
    {
        var org = OrgArgument();
        var command = new Command("get", "One organization") { org };
        host.Handle(command, async run =>
        {
            var id = await OrganizationResolver.OrganizationIdAsync(run, run.Get(org));
            var organization = await run.Organizations.GetOrganizationAsync(new GetOrganizationRequest { OrganizationId = id }, run.IdentityCall);
            run.Output.Write(organization, console => OrganizationViews.Organization(console, organization));
        });
        return command;
    }

    private static Command Rename(CliHost host)
    {
        var org = OrgArgument();
        var name = new Argument<string>("NAME") { Description = "The new name, 1 to 100 characters" };
        var command = new Command("rename", "Rename an organization (admin)") { org, name };
        host.Handle(command, async run =>
        {
            var id = await OrganizationResolver.OrganizationIdAsync(run, run.Get(org));
            var organization = await run.Organizations.RenameOrganizationAsync(
                new RenameOrganizationRequest { OrganizationId = id, Name = run.Get(name) }, run.IdentityCall);
            run.Output.Write(organization, console => OrganizationViews.Organization(console, organization));
        });
        return command;
    }
}
