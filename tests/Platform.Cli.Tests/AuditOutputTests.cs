using System.Text.Json;
using Npgsql;
using Platform.Cli.Tests.EndToEnd;

namespace Platform.Cli.Tests;

/// <summary>
/// audit read and verify against the real Keys service: a key's events with type and actor; verify exits 5 and shows
/// where a chain broke after one event row was changed in the Keys database, for one stream and for all.
/// These tests tamper with this class's services: no test here may expect every chain to be intact.
/// </summary>
public sealed class AuditOutputTests(PlatformFixture platform) : EndToEndTest(platform)
{
    [Fact]
    public async Task A_valid_stream_exits_0_and_a_broken_one_exits_5_naming_the_version()
    {
        var (ada, _) = await SignedInAsync("ada");
        var (auditor, _) = await SignedInAsync("audit", "--platform-role", "auditor");
        var fine = await CreateKeyAsync(ada);
        var broken = await CreateKeyAsync(ada);
        await TamperAsync(broken);

        var valid = await auditor.RunAsync("audit", "verify", "--service", "keys", $"key-{fine}");
        var human = await auditor.RunAsync("audit", "verify", "--service", "keys", $"key-{broken}");
        var json = await auditor.RunAsync("audit", "verify", "--service", "keys", $"key-{broken}", "--json");

        Assert.True(valid.ExitCode == 0, valid.ToString());
        Assert.Equal(5, human.ExitCode);
        Assert.Contains("NO", human.Output);
        Assert.Contains($"key-{broken}", human.Output);
        Assert.Equal(5, json.ExitCode);
        var document = JsonDocument.Parse(json.Output).RootElement;
        Assert.False(document.GetProperty("valid").GetBoolean());
        Assert.Equal("1", document.GetProperty("break").GetProperty("version").GetString());
        Assert.Contains(document.GetProperty("break").GetProperty("reason").GetString()!, human.Output);
    }

    [Fact]
    public async Task Verify_all_reports_the_breaks_and_exits_5()
    {
        var (ada, _) = await SignedInAsync("ada");
        var (auditor, _) = await SignedInAsync("audit", "--platform-role", "auditor");
        await CreateKeyAsync(ada);
        var broken = await CreateKeyAsync(ada);
        await TamperAsync(broken);

        var human = await auditor.RunAsync("audit", "verify", "--service", "keys");
        var json = await auditor.RunAsync("audit", "verify", "--service", "keys", "--json");

        Assert.Equal(5, human.ExitCode);
        Assert.Contains($"key-{broken}", human.Output);
        Assert.Contains("NO", human.Output);
        Assert.Equal(5, json.ExitCode);
        // Progress lines are for people only: --json is still one document.
        var document = JsonDocument.Parse(json.Output).RootElement;
        Assert.True(document.GetProperty("done").GetBoolean());
        Assert.False(document.GetProperty("valid").GetBoolean());
        Assert.Contains($"key-{broken}", document.GetProperty("breaks").EnumerateArray().Select(b => b.GetProperty("streamId").GetString()));
    }

    [Fact]
    public async Task Read_lists_the_events_with_their_type_and_actor()
    {
        var (ada, _) = await SignedInAsync("ada");
        var (auditor, _) = await SignedInAsync("audit", "--platform-role", "auditor");
        var userId = (await Json(ada, "whoami")).GetProperty("userId").GetString()!;
        var hash = await CreateKeyAsync(ada);
        await Ok(ada, "keys", "rotate", hash);

        var table = await auditor.RunAsync("audit", "read", "--service", "keys", $"key-{hash}");
        var result = await auditor.RunAsync("audit", "read", "--service", "keys", $"key-{hash}", "--json");

        Assert.True(table.ExitCode == 0, table.ToString());
        Assert.Contains($"user:{userId}", table.Output);
        Assert.Contains("keys.key-created", table.Output);
        Assert.Contains("2 events", table.Output);
        // Embedded JSON stays readable in --json (relaxed escaping), and is still one valid document.
        Assert.Contains($"\\\"actor\\\":\\\"user:{userId}\\\"", result.Output);
        Assert.True(result.ExitCode == 0, result.ToString());
        var events = JsonDocument.Parse(result.Output).RootElement.GetProperty("events");
        Assert.Equal(["keys.key-created", "keys.key-rotated"], events.EnumerateArray().Select(e => e.GetProperty("type").GetString()));
        // Ada is not an auditor.
        Assert.Equal(3, (await ada.RunAsync("audit", "read", "--service", "keys", $"key-{hash}")).ExitCode);
    }

    private static async Task<string> CreateKeyAsync(CliRun cli) =>
        (await Json(cli, "keys", "create", "--name", $"ci-{Guid.NewGuid():N}")).GetProperty("key").GetProperty("hash").GetString()!;

    /// <summary>Changes the recorded data of the key's first event, as someone with database access could (schema "events").</summary>
    private async Task TamperAsync(string hash)
    {
        await using var connection = new NpgsqlConnection(Services.KeysDatabase);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(
            "update events.events set data = replace(data::text, 'ci-', 'xx-')::json where stream_id = @stream and version = 1", connection);
        command.Parameters.AddWithValue("stream", $"key-{hash}");
        Assert.Equal(1, await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken));
    }
}
