using System.Text.Json;
using Platform.Cli.Tests.Fakes;
using Platform.Contracts.Identity.V1;
using Platform.Testing;

namespace Platform.Cli.Tests;

/// <summary>login saves the token for its owner only and never prints it; the saved token, --token and PLATFORM_TOKEN reach the services.</summary>
public sealed class SessionTests : IAsyncLifetime
{
    private readonly CliRun _cli = new();
    private FakeServer _server = null!;

    public async ValueTask InitializeAsync()
    {
        _server = await FakeServer.StartAsync();
        _cli.WriteEndpointsFile(_server.Address, _server.Address);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Login_saves_the_token_with_mode_0600_and_prints_who_but_never_the_token()
    {
        var login = await _cli.RunAsync("login", "--email", "ada@example.com", "--name", "Ada", "--platform-role", "auditor");

        Assert.True(login.ExitCode == 0, login.ToString());
        Assert.Contains("ada@example.com", login.Output);
        Assert.Contains(FakeState.UserId, login.Output);
        Assert.DoesNotContain(FakeState.Token, login.All);
        var issued = Assert.IsType<IssueTokenRequest>(Assert.Single(_server.State.Requests));
        Assert.Equal(("ada@example.com", "Ada", "auditor"), (issued.Email, issued.Name, issued.PlatformRole));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(_cli.CredentialsFile));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.GetDirectoryName(_cli.CredentialsFile)!));
        Assert.Contains(FakeState.Token, await File.ReadAllTextAsync(_cli.CredentialsFile, TestContext.Current.CancellationToken));

        var whoami = await _cli.RunAsync("whoami");

        Assert.True(whoami.ExitCode == 0, whoami.ToString());
        Assert.Contains("ada@example.com", whoami.Output);
        Assert.Equal(FakeState.Token, Assert.Single(_server.State.Credentials));
    }

    [Fact]
    public async Task PLATFORM_CONFIG_DIR_moves_the_credentials_file_and_logout_removes_it()
    {
        var config = Path.Combine(_cli.Root, "config");
        _cli.Variables["PLATFORM_CONFIG_DIR"] = config;

        var login = await _cli.RunAsync("login", "--email", "ada@example.com", "--json");
        var document = JsonDocument.Parse(login.Output).RootElement;
        var logout = await _cli.RunAsync("logout");
        var whoami = await _cli.RunAsync("whoami");

        Assert.Equal(Path.Combine(config, "credentials.json"), document.GetProperty("credentialsFile").GetString());
        Assert.Equal(FakeState.UserId, document.GetProperty("userId").GetString());
        Assert.DoesNotContain(FakeState.Token, login.Output);
        Assert.Equal(0, logout.ExitCode);
        Assert.False(File.Exists(Path.Combine(config, "credentials.json")));
        Assert.False(File.Exists(_cli.CredentialsFile));
        Assert.Equal(4, whoami.ExitCode);
        Assert.Contains("platform login", whoami.Error);
    }

    [Fact]
    public async Task The_token_flag_beats_the_variable_which_beats_the_saved_login()
    {
        await _cli.RunAsync("login", "--email", "ada@example.com");
        _cli.Variables["PLATFORM_TOKEN"] = "from-variable";

        await _cli.RunAsync("whoami");
        await _cli.RunAsync("whoami", "--token", "from-flag");

        Assert.Equal(["from-variable", "from-flag"], _server.State.Credentials);
    }

    [Fact]
    public async Task An_api_key_goes_to_the_keys_service_but_identity_calls_keep_the_user_token_and_flags_beat_variables()
    {
        _cli.Variables["PLATFORM_TOKEN"] = "user-token";
        _cli.Variables["PLATFORM_API_KEY"] = "sk-plt-v1-from-variable";

        var list = await _cli.RunAsync("keys", "list", "--account", FakeState.AccountId);
        var get = await _cli.RunAsync("keys", "get", FakeState.KeyHash, "--api-key", "sk-plt-v1-from-flag");
        var whoami = await _cli.RunAsync("whoami");

        var tokenFlag = await _cli.RunAsync("keys", "get", FakeState.KeyHash, "--token", "user-flag");
        var noAccount = await _cli.RunAsync("keys", "list");

        Assert.All(new[] { list, get, whoami, tokenFlag }, r => Assert.True(r.ExitCode == 0, r.ToString()));
        Assert.Equal(["sk-plt-v1-from-variable", "sk-plt-v1-from-flag", "user-token", "user-flag"], _server.State.Credentials);
        Assert.Equal(2, noAccount.ExitCode);
        Assert.Contains("--account", noAccount.Error);
    }

    [Fact]
    public async Task An_expired_saved_login_asks_to_sign_in_again_without_calling()
    {
        await _cli.RunAsync("login", "--email", "ada@example.com");
        _cli.Clock = new ManualClock(DateTimeOffset.UtcNow.AddDays(2));

        var whoami = await _cli.RunAsync("whoami");

        Assert.Equal(4, whoami.ExitCode);
        Assert.Contains("expired", whoami.Error);
        Assert.Empty(_server.State.Credentials);
    }

    [Fact]
    public async Task A_refused_credential_exits_4_with_a_hint()
    {
        var result = await _cli.RunAsync("keys", "get", FakeState.KeyHash, "--api-key", "refused");

        Assert.Equal(4, result.ExitCode);
        Assert.Contains("UNAUTHENTICATED: The bearer credential was not accepted.", result.Error);
        Assert.Contains("platform login", result.Error);
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        _cli.Dispose();
    }
}
