using System.CommandLine;
using System.Text.Json.Nodes;
using Platform.Cli.Hosting;
using Platform.Cli.Output;
using Platform.Contracts.Identity.V1;

namespace Platform.Cli.Organizations;

/// <summary><c>orgs invite</c>, <c>invitations</c>, <c>revoke-invitation</c>, <c>accept</c>.</summary>
internal static class InvitationCommands
{
    public static IEnumerable<Command> Create(CliHost host) => [Invite(host), Invitations(host), Revoke(host), Accept(host)];

    private static Command Invite(CliHost host)
    {
        var org = OrganizationCommands.OrgArgument();
        var email = new Argument<string>("EMAIL") { Description = "Who to invite" };
        var role = new Option<string>("--role") { Description = "admin or member (default member)", DefaultValueFactory = _ => "member" };
        role.AcceptOnlyFromAmong("admin", "member");
        var command = new Command("invite", "Invite by email (admin); prints the single-use token once") { org, email, role };
        host.Handle(command, async run =>
        {
            var id = await OrganizationResolver.OrganizationIdAsync(run, run.Get(org));
            var response = await run.Organizations.InviteMemberAsync(
                new InviteMemberRequest { OrganizationId = id, Email = run.Get(email), Role = OrganizationResolver.Role(run.Get(role)) }, run.IdentityCall);
            run.Output.Write(response, console =>
            {
                OrganizationViews.Invitations(console, [response.Invitation]);
                console.Line("Invitation token (shown once; give it to the invitee, who runs `platform orgs accept TOKEN`):");
                console.Line(response.Token);
            });
        });
        return command;
    }

    private static Command Invitations(CliHost host)
    {
        var (org, offset, limit) = (OrganizationCommands.OrgArgument(), Paging.Offset(), Paging.Limit());
        var all = new Option<bool>("--all") { Description = "Accepted, revoked and expired ones too" };
        var command = new Command("invitations", "Invitations of an organization (admin)") { org, all, offset, limit };
        host.Handle(command, async run =>
        {
            var id = await OrganizationResolver.OrganizationIdAsync(run, run.Get(org));
            var page = await run.Organizations.ListInvitationsAsync(new ListInvitationsRequest
            {
                OrganizationId = id, IncludeClosed = run.Get(all), Offset = run.Get(offset), Limit = run.Get(limit),
            }, run.IdentityCall);
            run.Output.Write(page, console =>
            {
                OrganizationViews.Invitations(console, page.Invitations);
                console.Total(page.Invitations.Count, page.TotalCount, run.Get(offset));
            });
        });
        return command;
    }

    private static Command Revoke(CliHost host)
    {
        var org = OrganizationCommands.OrgArgument();
        var invitation = new Argument<string>("ID") { Description = "Invitation id" };
        var command = new Command("revoke-invitation", "Revoke a pending invitation (admin)") { org, invitation };
        host.Handle(command, async run =>
        {
            var id = await OrganizationResolver.OrganizationIdAsync(run, run.Get(org));
            var revoked = await run.Organizations.RevokeInvitationAsync(
                new RevokeInvitationRequest { OrganizationId = id, InvitationId = run.Get(invitation) }, run.IdentityCall);
            run.Output.Write(revoked, console => OrganizationViews.Invitations(console, [revoked]));
        });
        return command;
    }

    private static Command Accept(CliHost host)
    {
        var token = new Argument<string>("TOKEN") { Description = "The invitation token" };
        var command = new Command("accept", "Accept an invitation sent to your (verified) email") { token };
        host.Handle(command, async run =>
        {
            var membership = await run.Organizations.AcceptInvitationAsync(new AcceptInvitationRequest { Token = run.Get(token).Trim() }, run.IdentityCall);
            run.Output.Write(membership, console =>
                console.Line($"Joined {membership.OrganizationName} ({membership.OrganizationId}) as {Names.Role(membership.Role)}."));
        });
        return command;
    }
}
