using System.Text.Json;
using Platform.Cli.Tests.Fakes;
using Platform.Contracts.Keys.V1;

namespace Platform.Cli.Tests;

/// <summary>What the keys commands print: tables or one JSON document; a secret only from create and rotate; errors on stderr.</summary>
public sealed class KeyOutputTests : IAsyncLifetime
{
    private readonly CliRun _cli = new();
    private FakeServer _server = null!;

    public async ValueTask InitializeAsync()
    {
        _server = await FakeServer.StartAsync();
        _cli.WriteEndpointsFile(_server.Address, _server.Address);
        _cli.Variables["PLATFORM_TOKEN"] = "user-token";
    }

    [Fact]
    public async Task List_and_get_show_the_label_and_never_a_secret()
    {
        var list = await _cli.RunAsync("keys", "list", "--account", FakeState.AccountId);
        var get = await _cli.RunAsync("keys", "get", FakeState.KeyHash);
        var listJson = await _cli.RunAsync("keys", "list", "--account", FakeState.AccountId, "--json");

        foreach (var result in new[] { list, get, listJson })
        {
            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.DoesNotContain(FakeState.Secret, result.All);
            Assert.DoesNotContain("\"secret\"", result.All);
        }
        Assert.Contains("sk-plt-v1-abc...f9e", list.Output);
        Assert.Contains(FakeState.KeyHash, list.Output);
        Assert.Contains("$12.5 monthly", get.Output);
        Assert.Contains("2 in all", list.Output);
    }

    [Fact]
    public async Task Create_prints_the_secret_once_and_sends_what_was_asked()
    {
        var result = await _cli.RunAsync("keys", "create", "--account", FakeState.AccountId, "--name", "ci", "--kind", "management",
            "--limit", "12.50", "--limit-reset", "weekly", "--expires", "2099-12-31T00:00:00Z");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Single(result.Output.Split('\n'), line => line.Contains(FakeState.Secret));
        var request = Assert.IsType<CreateKeyRequest>(Assert.Single(_server.State.Requests));
        Assert.Equal((FakeState.AccountId, "ci", KeyKind.Management, "12.5", "weekly"), (request.AccountId, request.Name, request.Kind, request.Limit, request.LimitReset));
        Assert.Equal(DateTimeOffset.Parse("2099-12-31T00:00:00Z"), request.ExpiresAt.ToDateTimeOffset());
    }

    [Fact]
    public async Task Json_is_one_document_with_proto_field_names_for_every_shape()
    {
        var create = await _cli.RunAsync("keys", "create", "--account", FakeState.AccountId, "--name", "ci", "--json");
        var list = await _cli.RunAsync("keys", "list", "--account", FakeState.AccountId, "--json");
        var rotate = await _cli.RunAsync("keys", "rotate", FakeState.KeyHash, "--grace", "10m", "--json");
        var whoami = await _cli.RunAsync("whoami", "--json");

        var created = JsonDocument.Parse(create.Output).RootElement;
        Assert.Equal(FakeState.Secret, created.GetProperty("secret").GetString());
        Assert.Equal(FakeState.KeyHash, created.GetProperty("key").GetProperty("hash").GetString());
        var listed = JsonDocument.Parse(list.Output).RootElement;
        Assert.Equal(2, listed.GetProperty("totalCount").GetInt32());
        Assert.Equal("sk-plt-v1-abc...f9e", listed.GetProperty("keys")[0].GetProperty("label").GetString());
        Assert.False(listed.GetProperty("keys")[0].GetProperty("disabled").GetBoolean());
        Assert.Equal(FakeState.Secret, JsonDocument.Parse(rotate.Output).RootElement.GetProperty("secret").GetString());
        Assert.Equal(FakeState.AccountId, JsonDocument.Parse(whoami.Output).RootElement.GetProperty("personalAccountId").GetString());
        var rotation = _server.State.Requests.OfType<RotateKeyRequest>().Single();
        Assert.Equal(TimeSpan.FromMinutes(10), rotation.GracePeriod.ToTimeSpan());
    }

    [Fact]
    public async Task Update_sends_only_what_was_given()
    {
        var result = await _cli.RunAsync("keys", "update", FakeState.KeyHash, "--disable", "--no-limit", "--limit-reset", "never");

        Assert.True(result.ExitCode == 0, result.ToString());
        var request = Assert.IsType<UpdateKeyRequest>(Assert.Single(_server.State.Requests));
        Assert.False(request.HasName);
        Assert.True(request.HasDisabled && request.Disabled);
        Assert.True(request.HasLimit && request.Limit == "");
        Assert.True(request.HasLimitReset && request.LimitReset == "");
    }

    [Fact]
    public async Task Invalid_argument_prints_status_message_and_field_violations_and_exits_2()
    {
        var result = await _cli.RunAsync("keys", "update", FakeState.KeyHash, "--name", "");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("INVALID_ARGUMENT: The request is invalid.", result.Error);
        Assert.Contains("name: must not be empty", result.Error);
        Assert.Equal("", result.Output);
    }

    [Fact]
    public async Task Not_found_exits_3()
    {
        var result = await _cli.RunAsync("keys", "get", "ffffffffffffffffffffffffffffffff", "--json");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("NOT_FOUND: Key not found.", result.Error);
        Assert.Equal("", result.Output);
    }

    [Fact]
    public async Task Without_account_the_personal_account_of_the_caller_is_used()
    {
        var result = await _cli.RunAsync("keys", "list");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(FakeState.AccountId, _server.State.Requests.OfType<ListKeysRequest>().Single().AccountId);
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        _cli.Dispose();
    }
}
