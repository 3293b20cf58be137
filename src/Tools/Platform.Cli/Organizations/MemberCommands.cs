using System.CommandLine;
using System.Text.Json.Nodes;
using Platform.Cli.Hosting;
using Platform.Cli.Output;
using Platform.Contracts.Identity.V1;

namespace Platform.Cli.Organizations;

/// <summary><c>orgs members</c>, <c>set-role</c>, <c>remove-member</c>, <c>leave</c>.</summary>
internal static class MemberCommands
{
    public static IEnumerable<Command> Create(CliHost host) => [Members(host), SetRole(host), RemoveMember(host), Leave(host)];

    private static Argument<string> UserArgument() => new("USER") { Description = "User id, or the member's email" };

    private static Command Members(CliHost host)
    {
        var (org, offset, limit) = (OrganizationCommands.OrgArgument(), Paging.Offset(), Paging.Limit());
        var command = new Command("members", "The members of an organization") { org, offset, limit };
        host.Handle(command, async run =>
        {
            var id = await OrganizationResolver.OrganizationIdAsync(run, run.Get(org));
            var page = await run.Organizations.ListMembersAsync(
                new ListMembersRequest { OrganizationId = id, Offset = run.Get(offset), Limit = run.Get(limit) }, run.IdentityCall);
            run.Output.Write(page, console =>
            {
                OrganizationViews.Members(console, page.Members);
                console.Total(page.Members.Count, page.TotalCount, run.Get(offset));
            });
        });
        return command;
    }

    private static Command SetRole(CliHost host)
    {
        var (org, user) = (OrganizationCommands.OrgArgument(), UserArgument());
        var role = new Argument<string>("ROLE") { Description = "admin or member" };
        role.AcceptOnlyFromAmong("admin", "member");
        var command = new Command("set-role", "Change a member's role (admin; never the last admin)") { org, user, role };
        host.Handle(command, async run =>
        {
            var id = await OrganizationResolver.OrganizationIdAsync(run, run.Get(org));
            var userId = await OrganizationResolver.UserIdAsync(run, id, run.Get(user));
            var membership = await run.Organizations.ChangeMemberRoleAsync(
                new ChangeMemberRoleRequest { OrganizationId = id, UserId = userId, Role = OrganizationResolver.Role(run.Get(role)) }, run.IdentityCall);
            run.Output.Write(membership, console => OrganizationViews.Members(console, [membership]));
        });
        return command;
    }

    private static Command RemoveMember(CliHost host)
    {
        var (org, user) = (OrganizationCommands.OrgArgument(), UserArgument());
        var command = new Command("remove-member", "Remove a member (admin); the keys they created there are disabled") { org, user };
        host.Handle(command, async run =>
        {
            var id = await OrganizationResolver.OrganizationIdAsync(run, run.Get(org));
            var userId = await OrganizationResolver.UserIdAsync(run, id, run.Get(user));
            await run.Organizations.RemoveMemberAsync(new RemoveMemberRequest { OrganizationId = id, UserId = userId }, run.IdentityCall);
            run.Output.Write(new JsonObject { ["organizationId"] = id, ["userId"] = userId, ["removed"] = true },
                console => console.Line($"Removed {userId} from {id}."));
        });
        return command;
    }

    private static Command Leave(CliHost host)
    {
        var org = OrganizationCommands.OrgArgument();
        var command = new Command("leave", "Leave an organization (never as its last admin)") { org };
        host.Handle(command, async run =>
        {
            var id = await OrganizationResolver.OrganizationIdAsync(run, run.Get(org));
            await run.Organizations.LeaveOrganizationAsync(new LeaveOrganizationRequest { OrganizationId = id }, run.IdentityCall);
            run.Output.Write(new JsonObject { ["organizationId"] = id, ["left"] = true }, console => console.Line($"You left {id}."));
        });
        return command;
    }
}
