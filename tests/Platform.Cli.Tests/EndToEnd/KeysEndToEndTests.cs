using System.Text.Json;
using Platform.Testing;

namespace Platform.Cli.Tests.EndToEnd;

/// <summary>
/// The command line against the real Identity and Keys services: keys created by a member and an admin, listed as each,
/// rotated, used as an API key, deleted; a removed member's keys disabled; the key's audit trail read and verified.
/// </summary>
public sealed class KeysEndToEndTests(PlatformFixture platform) : EndToEndTest(platform)
{
    [Fact]
    public async Task An_operator_manages_keys_of_an_organization_and_verifies_their_audit_trail()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var (ada, bob, auditor) = (Person(), Person(), Person());
        await Ok(ada, "login", "--email", $"ada-{suffix}@example.com", "--name", "Ada");
        await Ok(bob, "login", "--email", $"bob-{suffix}@example.com", "--name", "Bob");
        await Ok(auditor, "login", "--email", $"audit-{suffix}@example.com", "--platform-role", "auditor");
        var org = await Json(ada, "orgs", "create", $"Acme {suffix}");
        var (orgId, accountId) = (org.GetProperty("organizationId").GetString()!, org.GetProperty("accountId").GetString()!);
        var token = (await Json(ada, "orgs", "invite", orgId, $"bob-{suffix}@example.com")).GetProperty("token").GetString()!;
        await Ok(bob, "orgs", "accept", token);

        var bobsKey = await Json(bob, "keys", "create", "--org", orgId, "--name", "bob-key", "--limit", "5");
        var adasKey = await Json(ada, "keys", "create", "--org", $"Acme {suffix}", "--name", "ci", "--limit", "12.5", "--limit-reset", "monthly",
            "--expires", DateTimeOffset.UtcNow.AddDays(30).ToString("yyyy-MM-ddTHH:mm:ssZ"));
        var hash = adasKey.GetProperty("key").GetProperty("hash").GetString()!;
        var firstSecret = adasKey.GetProperty("secret").GetString()!;
        Assert.Matches("^sk-plt-v1-[0-9a-f]{64}$", firstSecret);
        Assert.Equal("12.5", adasKey.GetProperty("key").GetProperty("limit").GetString());
        Assert.Equal(accountId, bobsKey.GetProperty("key").GetProperty("accountId").GetString());

        var adasList = await Json(ada, "keys", "list", "--account", accountId);
        var bobsList = await Json(bob, "keys", "list", "--org", orgId);
        Assert.Equal(2, adasList.GetProperty("totalCount").GetInt32());
        Assert.Equal(["bob-key"], bobsList.GetProperty("keys").EnumerateArray().Select(k => k.GetProperty("name").GetString()));
        var table = await ada.RunAsync("keys", "list", "--org", orgId);
        var got = await ada.RunAsync("keys", "get", hash);
        foreach (var shown in new[] { table, got })
        {
            Assert.True(shown.ExitCode == 0, shown.ToString());
            Assert.Contains(hash, shown.Output);
            Assert.DoesNotContain(firstSecret, shown.All);
            Assert.DoesNotContain(bobsKey.GetProperty("secret").GetString()!, shown.All);
        }

        var rotated = await Json(ada, "keys", "rotate", hash, "--grace", "10m");
        var secondSecret = rotated.GetProperty("secret").GetString()!;
        Assert.NotEqual(firstSecret, secondSecret);
        Assert.Equal(1, rotated.GetProperty("key").GetProperty("rotationCount").GetInt32());
        // An inference key may read only itself: the service refuses a listing, and the command line says so with exit 3.
        var asInferenceKey = await ada.RunAsync("keys", "list", "--account", accountId, "--api-key", secondSecret);
        Assert.Equal(3, asInferenceKey.ExitCode);
        Assert.Contains("PERMISSION_DENIED", asInferenceKey.Error);
        var management = await Json(ada, "keys", "create", "--account", accountId, "--name", "ops", "--kind", "management");
        var asManagementKey = await Json(ada, "keys", "list", "--account", accountId, "--api-key", management.GetProperty("secret").GetString()!);
        Assert.Equal(3, asManagementKey.GetProperty("totalCount").GetInt32());

        // Removing Bob disables the keys he created there (through Identity's MemberRemoved event).
        await Ok(ada, "orgs", "remove-member", orgId, $"bob-{suffix}@example.com");
        await Eventually.HoldsAsync(async () =>
        {
            var all = await Json(ada, "keys", "list", "--account", accountId, "--include-disabled");
            return all.GetProperty("keys").EnumerateArray().Any(k => k.GetProperty("name").GetString() == "bob-key" && k.GetProperty("disabled").GetBoolean());
        }, "bob's key disabled after his removal");
        var reEnabled = await Json(ada, "keys", "update", bobsKey.GetProperty("key").GetProperty("hash").GetString()!, "--enable", "--name", "bob-key-kept");
        Assert.False(reEnabled.GetProperty("disabled").GetBoolean());

        var deleted = await Json(ada, "keys", "delete", hash);
        Assert.True(deleted.GetProperty("deleted").GetBoolean());
        Assert.Equal(3, (await ada.RunAsync("keys", "get", hash)).ExitCode);

        var verified = await Json(auditor, "audit", "verify", "--service", "keys", $"key-{hash}");
        Assert.True(verified.GetProperty("valid").GetBoolean());
        var trail = await Json(auditor, "audit", "read", "--service", "keys", $"key-{hash}");
        var types = trail.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("type").GetString()).ToList();
        Assert.Equal("keys.key-created", types[0]);
        Assert.Contains("keys.key-rotated", types);
        Assert.Equal("keys.key-deleted", types[^1]);
        var everything = await auditor.RunAsync("audit", "verify", "--service", "keys");
        Assert.True(everything.ExitCode == 0, everything.ToString());
        var organization = await auditor.RunAsync("audit", "verify", "--service", "identity", $"organization-{orgId}");
        Assert.True(organization.ExitCode == 0, organization.ToString());
        // Ada is not an auditor.
        Assert.Equal(3, (await ada.RunAsync("audit", "verify", "--service", "keys", $"key-{hash}")).ExitCode);
    }
}
