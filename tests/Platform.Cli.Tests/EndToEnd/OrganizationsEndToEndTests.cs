using Platform.Testing;

namespace Platform.Cli.Tests.EndToEnd;

/// <summary>The command line against the real Identity service: sign in, organizations, invitations, members, errors.</summary>
public sealed class OrganizationsEndToEndTests(PlatformFixture platform) : EndToEndTest(platform)
{
    [Fact]
    public async Task An_admin_invites_a_second_person_who_accepts_and_the_admin_manages_them()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var (ada, bob) = (Person(), Person());
        await Ok(ada, "login", "--email", $"ada-{suffix}@example.com", "--name", "Ada");
        await Ok(bob, "login", "--email", $"bob-{suffix}@example.com", "--name", "Bob");

        var org = await Json(ada, "orgs", "create", $"Acme {suffix}");
        var orgId = org.GetProperty("organizationId").GetString()!;
        var invite = await ada.RunAsync("orgs", "invite", $"Acme {suffix}", $"bob-{suffix}@example.com");
        Assert.True(invite.ExitCode == 0, invite.ToString());
        // The token is the line after the notice; it is printed once, nowhere else.
        var lines = invite.Output.Split('\n', StringSplitOptions.TrimEntries);
        var token = lines[Array.FindIndex(lines, l => l.StartsWith("Invitation token")) + 1];
        var pending = await Json(ada, "orgs", "invitations", orgId);
        Assert.Equal(1, pending.GetProperty("totalCount").GetInt32());
        Assert.DoesNotContain(token, pending.GetRawText());

        var joined = await bob.RunAsync("orgs", "accept", token);
        Assert.True(joined.ExitCode == 0, joined.ToString());
        Assert.Contains($"Acme {suffix}", joined.Output);
        var members = await Json(ada, "orgs", "members", orgId);
        Assert.Equal(2, members.GetProperty("totalCount").GetInt32());
        var bobsOrgs = await Json(bob, "orgs", "list");
        Assert.Equal(orgId, bobsOrgs.GetProperty("organizations")[0].GetProperty("organizationId").GetString());

        var promoted = await Json(ada, "orgs", "set-role", orgId, $"bob-{suffix}@example.com", "admin");
        Assert.Equal("ROLE_ADMIN", promoted.GetProperty("role").GetString());
        await Ok(ada, "orgs", "rename", orgId, $"Acme Labs {suffix}");
        await Ok(bob, "orgs", "remove-member", $"Acme Labs {suffix}", $"ada-{suffix}@example.com");
        var afterRemoval = await ada.RunAsync("orgs", "get", orgId);
        Assert.Equal(3, afterRemoval.ExitCode);

        var whoami = await Json(bob, "whoami");
        Assert.Equal($"bob-{suffix}@example.com", whoami.GetProperty("email").GetString());
        Assert.Equal("ROLE_ADMIN", whoami.GetProperty("memberships")[0].GetProperty("role").GetString());
    }

    [Fact]
    public async Task Service_errors_reach_the_operator_with_status_fields_and_exit_codes()
    {
        var ada = Person();
        await Ok(ada, "login", "--email", $"ada-{Guid.NewGuid():N}@example.com");
        var orgId = (await Json(ada, "orgs", "create", "Solo")).GetProperty("organizationId").GetString()!;

        var lastAdmin = await ada.RunAsync("orgs", "leave", orgId);
        var emptyName = await ada.RunAsync("orgs", "rename", orgId, " ");
        var unknownOrg = await ada.RunAsync("orgs", "get", Guid.CreateVersion7().ToString());
        var forged = await ada.RunAsync("orgs", "list", "--token", "not-a-jwt");

        Assert.Equal(1, lastAdmin.ExitCode);
        Assert.Contains("FAILED_PRECONDITION", lastAdmin.Error);
        Assert.Equal(2, emptyName.ExitCode);
        Assert.Contains("INVALID_ARGUMENT", emptyName.Error);
        Assert.Contains("name:", emptyName.Error);
        Assert.Equal(3, unknownOrg.ExitCode);
        Assert.Equal(4, forged.ExitCode);
        Assert.Contains("platform login", forged.Error);
    }
}
