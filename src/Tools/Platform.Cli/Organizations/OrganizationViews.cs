using Platform.Cli.Output;
using Platform.Contracts.Identity.V1;
using Spectre.Console;

namespace Platform.Cli.Organizations;

/// <summary>How organizations, members and invitations look in tables.</summary>
internal static class OrganizationViews
{
    public static void Organization(IAnsiConsole console, Organization o) => console.Write(Tables.Record(
        ("organization", o.OrganizationId), ("name", o.Name), ("account", o.AccountId), ("my role", Names.Role(o.MyRole)),
        ("members", $"{o.MemberCount} of {o.MemberLimit}"), ("created", Tables.Time(o.CreatedAt))));

    public static void Organizations(IAnsiConsole console, ListMyOrganizationsResponse page, int offset)
    {
        var table = Tables.Create("organization", "name", "account", "my role", "members", "created");
        foreach (var o in page.Organizations)
            table.AddCells(o.OrganizationId, o.Name, o.AccountId, Names.Role(o.MyRole), $"{o.MemberCount}/{o.MemberLimit}", Tables.Time(o.CreatedAt));
        console.Write(table);
        console.Total(page.Organizations.Count, page.TotalCount, offset);
    }

    public static void Members(IAnsiConsole console, IEnumerable<Membership> members)
    {
        var table = Tables.Create("user", "email", "name", "role", "joined");
        foreach (var m in members) table.AddCells(m.UserId, m.Email, m.Name, Names.Role(m.Role), Tables.Time(m.JoinedAt));
        console.Write(table);
    }

    public static void Invitations(IAnsiConsole console, IEnumerable<Invitation> invitations)
    {
        var table = Tables.Create("invitation", "email", "role", "state", "invited by", "expires");
        foreach (var i in invitations)
            table.AddCells(i.InvitationId, i.Email, Names.Role(i.Role), Names.State(i.State), i.InvitedByUserId, Tables.Time(i.ExpiresAt));
        console.Write(table);
    }
}
