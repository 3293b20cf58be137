using System.Text.Json;
using Platform.Cli.Tests.EndToEnd;

namespace Platform.Cli.Tests;

/// <summary>
/// What the keys commands print against the real Keys service: tables or one JSON document; a secret only from create
/// and rotate; what was asked is what the service stored; errors on stderr with their exit codes.
/// </summary>
public sealed class KeyOutputTests(PlatformFixture platform) : EndToEndTest(platform)
{
    [Fact]
    public async Task List_and_get_show_the_label_and_never_a_secret()
    {
        var (ada, _) = await SignedInAsync("ada");
        var created = await Json(ada, "keys", "create", "--name", "ci", "--limit", "12.5", "--limit-reset", "monthly");
        await Ok(ada, "keys", "create", "--name", "other");
        var (hash, secret) = (created.GetProperty("key").GetProperty("hash").GetString()!, created.GetProperty("secret").GetString()!);
        var label = created.GetProperty("key").GetProperty("label").GetString()!;

        var list = await ada.RunAsync("keys", "list");
        var get = await ada.RunAsync("keys", "get", hash);
        var listJson = await ada.RunAsync("keys", "list", "--json");

        foreach (var result in new[] { list, get, listJson })
        {
            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.DoesNotContain(secret, result.All);
            Assert.DoesNotContain("\"secret\"", result.All);
        }
        // The label shows the secret's first and last characters only.
        Assert.Equal($"{secret[..13]}...{secret[^3..]}", label);
        Assert.Contains(label, list.Output);
        Assert.Contains(hash, list.Output);
        Assert.Contains("$12.5 monthly", get.Output);
        Assert.Contains("2 in all", list.Output);
    }

    [Fact]
    public async Task Create_prints_the_secret_once_and_the_service_stores_what_was_asked()
    {
        var (ada, _) = await SignedInAsync("ada");
        var account = (await Json(ada, "whoami")).GetProperty("personalAccountId").GetString()!;

        var result = await ada.RunAsync("keys", "create", "--account", account, "--name", "ci", "--kind", "management",
            "--limit", "12.50", "--limit-reset", "weekly", "--expires", "2099-12-31T00:00:00Z");

        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = result.Output.Split('\n', StringSplitOptions.TrimEntries);
        var secret = lines[Array.FindIndex(lines, l => l.StartsWith("Secret (shown this once")) + 1];
        Assert.Matches("^sk-plt-v1-[0-9a-f]{64}$", secret);
        Assert.Single(lines, line => line.Contains(secret));
        var stored = (await Json(ada, "keys", "list", "--account", account)).GetProperty("keys")[0];
        Assert.Equal((account, "ci", "KEY_KIND_MANAGEMENT", "12.5", "weekly"), (stored.GetProperty("accountId").GetString(),
            stored.GetProperty("name").GetString(), stored.GetProperty("kind").GetString(), stored.GetProperty("limit").GetString(),
            stored.GetProperty("limitReset").GetString()));
        Assert.Equal(DateTimeOffset.Parse("2099-12-31T00:00:00Z"), stored.GetProperty("expiresAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task Json_is_one_document_with_proto_field_names_for_every_shape()
    {
        var (ada, _) = await SignedInAsync("ada");

        var created = await Json(ada, "keys", "create", "--name", "ci");
        var listed = await Json(ada, "keys", "list");
        var hash = created.GetProperty("key").GetProperty("hash").GetString()!;
        var rotated = await Json(ada, "keys", "rotate", hash, "--grace", "10m");
        var whoami = await Json(ada, "whoami");

        Assert.Matches("^sk-plt-v1-[0-9a-f]{64}$", created.GetProperty("secret").GetString());
        Assert.Matches("^[0-9a-f]{32}$", hash);
        Assert.Equal(1, listed.GetProperty("totalCount").GetInt32());
        Assert.Equal(created.GetProperty("key").GetProperty("label").GetString(), listed.GetProperty("keys")[0].GetProperty("label").GetString());
        Assert.False(listed.GetProperty("keys")[0].GetProperty("disabled").GetBoolean());
        Assert.Matches("^sk-plt-v1-[0-9a-f]{64}$", rotated.GetProperty("secret").GetString());
        Assert.NotEqual(created.GetProperty("secret").GetString(), rotated.GetProperty("secret").GetString());
        Assert.Equal(whoami.GetProperty("personalAccountId").GetString(), listed.GetProperty("keys")[0].GetProperty("accountId").GetString());
        // The grace period asked for reached the service: the old secret stays valid about ten minutes more.
        var until = rotated.GetProperty("previousSecretValidUntil").GetDateTimeOffset();
        Assert.InRange(until, DateTimeOffset.UtcNow.AddMinutes(5), DateTimeOffset.UtcNow.AddMinutes(15));
    }

    [Fact]
    public async Task Update_changes_only_what_was_given()
    {
        var (ada, _) = await SignedInAsync("ada");
        var hash = (await Json(ada, "keys", "create", "--name", "ci", "--limit", "5", "--limit-reset", "daily")).GetProperty("key").GetProperty("hash").GetString()!;

        var updated = await Json(ada, "keys", "update", hash, "--disable", "--no-limit", "--limit-reset", "never");

        Assert.Equal("ci", updated.GetProperty("name").GetString());
        Assert.True(updated.GetProperty("disabled").GetBoolean());
        Assert.False(updated.TryGetProperty("limit", out var limit) && limit.GetString() is { Length: > 0 }, updated.ToString());
        Assert.Equal("", updated.GetProperty("limitReset").GetString());
        Assert.Contains("none", (await ada.RunAsync("keys", "get", hash)).Output);
    }

    [Fact]
    public async Task Invalid_argument_prints_status_message_and_field_violations_and_exits_2()
    {
        var (ada, _) = await SignedInAsync("ada");
        var hash = (await Json(ada, "keys", "create", "--name", "ci")).GetProperty("key").GetProperty("hash").GetString()!;

        var result = await ada.RunAsync("keys", "update", hash, "--name", "");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("INVALID_ARGUMENT:", result.Error);
        Assert.Contains("  name: The name must not be empty.", result.Error);
        Assert.Equal("", result.Output);
        Assert.Equal("ci", (await Json(ada, "keys", "get", hash)).GetProperty("name").GetString());
    }

    [Fact]
    public async Task Not_found_exits_3()
    {
        var (ada, _) = await SignedInAsync("ada");

        var result = await ada.RunAsync("keys", "get", "ffffffffffffffffffffffffffffffff", "--json");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("NOT_FOUND:", result.Error);
        Assert.Equal("", result.Output);
    }

    [Fact]
    public async Task Without_account_the_personal_account_of_the_caller_is_used()
    {
        var (ada, _) = await SignedInAsync("ada");
        var (bob, _) = await SignedInAsync("bob");
        var adas = (await Json(ada, "whoami")).GetProperty("personalAccountId").GetString()!;
        await Ok(ada, "keys", "create", "--name", "ada-personal");
        await Ok(bob, "keys", "create", "--name", "bob-personal");

        var listed = await Json(ada, "keys", "list");

        var key = Assert.Single(listed.GetProperty("keys").EnumerateArray());
        Assert.Equal(("ada-personal", adas), (key.GetProperty("name").GetString(), key.GetProperty("accountId").GetString()));
    }
}
