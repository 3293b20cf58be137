using System.Text.Json;
using Platform.Cli.Tests.Fakes;

namespace Platform.Cli.Tests;

/// <summary>audit verify exits 5 and shows where a chain broke; VerifyAll shows progress for people and one document for scripts.</summary>
public sealed class AuditOutputTests : IAsyncLifetime
{
    private readonly CliRun _cli = new();
    private FakeServer _server = null!;

    public async ValueTask InitializeAsync()
    {
        _server = await FakeServer.StartAsync();
        _cli.WriteEndpointsFile(_server.Address, _server.Address);
        _cli.Variables["PLATFORM_TOKEN"] = "auditor-token";
    }

    [Fact]
    public async Task A_valid_stream_exits_0_and_a_broken_one_exits_5_naming_the_version()
    {
        var valid = await _cli.RunAsync("audit", "verify", "--service", "keys", "key-fine");
        var broken = await _cli.RunAsync("audit", "verify", "--service", "keys", "key-broken");
        var brokenJson = await _cli.RunAsync("audit", "verify", "--service", "keys", "key-broken", "--json");

        Assert.Equal(0, valid.ExitCode);
        Assert.Equal(5, broken.ExitCode);
        Assert.Contains("hash mismatch", broken.Output);
        Assert.Contains("NO", broken.Output);
        Assert.Equal(5, brokenJson.ExitCode);
        var document = JsonDocument.Parse(brokenJson.Output).RootElement;
        Assert.False(document.GetProperty("valid").GetBoolean());
        Assert.Equal("2", document.GetProperty("break").GetProperty("version").GetString());
    }

    [Fact]
    public async Task Verify_all_prints_progress_then_the_breaks_and_exits_5()
    {
        var human = await _cli.RunAsync("audit", "verify", "--service", "identity");
        var json = await _cli.RunAsync("audit", "verify", "--service", "identity", "--json");

        Assert.Equal(5, human.ExitCode);
        Assert.Contains("checked 10000 events in 40 streams", human.Output);
        Assert.Contains("key-broken", human.Output);
        Assert.Equal(5, json.ExitCode);
        var document = JsonDocument.Parse(json.Output).RootElement;
        Assert.True(document.GetProperty("done").GetBoolean());
        Assert.Equal("key-broken", document.GetProperty("breaks")[0].GetProperty("streamId").GetString());
    }

    [Fact]
    public async Task Read_lists_the_events_with_their_type_and_actor()
    {
        var table = await _cli.RunAsync("audit", "read", "--service", "keys", "key-fine");
        var result = await _cli.RunAsync("audit", "read", "--service", "keys", "key-fine", "--json");

        Assert.Contains("user:u-1", table.Output);
        Assert.Contains("keys.key-created", table.Output);
        // Embedded JSON stays readable in --json (relaxed escaping), and is still one valid document.
        Assert.Contains("\"{\\\"actor\\\":\\\"user:u-1\\\"}\"", result.Output);

        Assert.True(result.ExitCode == 0, result.ToString());
        var events = JsonDocument.Parse(result.Output).RootElement.GetProperty("events");
        Assert.Equal("keys.key-created", events[0].GetProperty("type").GetString());
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        _cli.Dispose();
    }
}
