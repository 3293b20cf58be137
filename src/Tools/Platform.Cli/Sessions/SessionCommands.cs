using System.CommandLine;
using System.Text.Json.Nodes;
using Platform.Cli.Hosting;
using Platform.Cli.Output;
using Platform.Contracts.Identity.V1;

namespace Platform.Cli.Sessions;

/// <summary><c>login</c>, <c>logout</c>, <c>whoami</c>. The token itself is never printed.</summary>
internal static class SessionCommands
{
    public static Command Login(CliHost host)
    {
        var email = new Option<string>("--email") { Description = "Sign in as this email (verified)", Required = true };
        var name = new Option<string?>("--name") { Description = "Display name" };
        var role = new Option<string?>("--platform-role") { Description = "Platform role: support or auditor" };
        role.AcceptOnlyFromAmong("support", "auditor");
        var command = new Command("login", "Sign in through Identity's development issuer (development platforms only) and save the token")
        {
            email, name, role,
        };
        host.Handle(command, async run =>
        {
            var request = new IssueTokenRequest { Email = run.Get(email).Trim(), Name = run.Get(name) ?? "", PlatformRole = run.Get(role) ?? "" };
            // The development issuer is open: no credential goes with this call.
            var issued = await run.DevelopmentIssuer.IssueTokenAsync(request, new() { CancellationToken = run.CancellationToken });
            var expires = issued.ExpiresAt?.ToDateTimeOffset();
            run.Store.Save(new SavedCredentials(issued.AccessToken, issued.UserId, request.Email, expires, run.Address("identity").ToString()));
            run.Output.Write(new JsonObject
            {
                ["userId"] = issued.UserId,
                ["email"] = request.Email,
                ["platformRole"] = request.PlatformRole,
                ["expiresAt"] = expires?.ToString("O"),
                ["credentialsFile"] = run.Store.FilePath,
            }, console => console.Line(
                $"Signed in as {request.Email} (user {issued.UserId}{(request.PlatformRole.Length > 0 ? ", " + request.PlatformRole : "")}); " +
                $"token saved to {run.Store.FilePath}{(expires is { } e ? $", valid until {e:yyyy-MM-dd HH:mm}Z" : "")}."));
        });
        return command;
    }

    public static Command Logout(CliHost host)
    {
        var command = new Command("logout", "Forget the saved token");
        host.Handle(command, run =>
        {
            var removed = run.Store.Delete();
            run.Output.Write(new JsonObject { ["loggedOut"] = removed, ["credentialsFile"] = run.Store.FilePath },
                console => console.Line(removed ? $"Signed out: removed {run.Store.FilePath}." : "Not signed in: nothing to remove."));
            return Task.CompletedTask;
        });
        return command;
    }

    public static Command WhoAmI(CliHost host)
    {
        var command = new Command("whoami", "Who the current credential is: user, personal account and organizations");
        host.Handle(command, async run =>
        {
            var me = await run.Organizations.GetMeAsync(new GetMeRequest(), run.IdentityCall);
            run.Output.Write(me, console =>
            {
                console.Write(Tables.Record(("user", me.UserId), ("email", me.Email), ("name", me.Name), ("personal account", me.PersonalAccountId)));
                if (me.Memberships.Count == 0) return;
                var table = Tables.Create("organization", "name", "account", "role");
                foreach (var m in me.Memberships) table.AddCells(m.OrganizationId, m.OrganizationName, m.AccountId, Names.Role(m.Role));
                console.Write(table);
            });
        });
        return command;
    }
}
