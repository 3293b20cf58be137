using System.Text.Json;
using Platform.Cli.Tests.EndToEnd;
using Platform.Hosting.Local;
using Platform.Testing;

namespace Platform.Cli.Tests;

/// <summary>
/// Against the real Identity and Keys services: login saves the token for its owner only and never prints it; the
/// saved token, --token, PLATFORM_TOKEN and API keys reach the services in the documented order (seen in who answers).
/// </summary>
public sealed class SessionTests(PlatformFixture platform) : EndToEndTest(platform)
{
    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Login_saves_the_token_with_mode_0600_and_prints_who_but_never_the_token()
    {
        var cli = Person();
        var email = $"ada-{Guid.NewGuid():N}@example.com";

        var login = await cli.RunAsync("login", "--email", email, "--name", "Ada", "--platform-role", "auditor");

        Assert.True(login.ExitCode == 0, login.ToString());
        var token = SavedToken(cli);
        Assert.Contains(email, login.Output);
        Assert.DoesNotContain(token, login.All);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(cli.CredentialsFile));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.GetDirectoryName(cli.CredentialsFile)!));

        var whoami = await cli.RunAsync("whoami");
        var me = await Json(cli, "whoami");

        Assert.True(whoami.ExitCode == 0, whoami.ToString());
        Assert.Contains(email, whoami.Output);
        Assert.DoesNotContain(token, whoami.All);
        Assert.Contains(me.GetProperty("userId").GetString()!, login.Output);
        Assert.Equal((email, "Ada"), (me.GetProperty("email").GetString(), me.GetProperty("name").GetString()));
        // The platform role asked for is in the token: an auditor may verify audit trails.
        var verify = await cli.RunAsync("audit", "verify", "--service", "identity");
        Assert.True(verify.ExitCode == 0, verify.ToString());
    }

    [Fact]
    public async Task PLATFORM_CONFIG_DIR_moves_the_credentials_file_and_logout_removes_it()
    {
        var cli = Person();
        var config = Path.Combine(cli.Root, "config");
        cli.Variables["PLATFORM_CONFIG_DIR"] = config;

        var login = await cli.RunAsync("login", "--email", $"ada-{Guid.NewGuid():N}@example.com", "--json");
        var document = JsonDocument.Parse(login.Output).RootElement;
        var token = JsonDocument.Parse(File.ReadAllText(Path.Combine(config, "credentials.json"))).RootElement.GetProperty("accessToken").GetString()!;
        var me = await Json(cli, "whoami");
        var logout = await cli.RunAsync("logout");
        var whoami = await cli.RunAsync("whoami");

        Assert.Equal(Path.Combine(config, "credentials.json"), document.GetProperty("credentialsFile").GetString());
        Assert.Equal(me.GetProperty("userId").GetString(), document.GetProperty("userId").GetString());
        Assert.DoesNotContain(token, login.Output);
        Assert.Equal(0, logout.ExitCode);
        Assert.False(File.Exists(Path.Combine(config, "credentials.json")));
        Assert.False(File.Exists(cli.CredentialsFile));
        Assert.Equal(4, whoami.ExitCode);
        Assert.Contains("platform login", whoami.Error);
    }

    [Fact]
    public async Task The_token_flag_beats_the_variable_which_beats_the_saved_login()
    {
        var (ada, adaEmail) = await SignedInAsync("ada");
        var (bob, bobEmail) = await SignedInAsync("bob");
        var (carol, carolEmail) = await SignedInAsync("carol");

        var saved = await Json(ada, "whoami");
        ada.Variables["PLATFORM_TOKEN"] = SavedToken(bob);
        var variable = await Json(ada, "whoami");
        var flag = await Json(ada, "whoami", "--token", SavedToken(carol));

        Assert.Equal([adaEmail, bobEmail, carolEmail], new[] { saved, variable, flag }.Select(me => me.GetProperty("email").GetString()));
    }

    [Fact]
    public async Task An_api_key_goes_to_the_keys_service_but_identity_calls_keep_the_user_token_and_flags_beat_variables()
    {
        // Each key below can be read by one credential only, so who the service saw shows in whether the call succeeds.
        var (ada, adaEmail) = await SignedInAsync("ada");
        var (bob, _) = await SignedInAsync("bob");
        var adasAccount = (await Json(ada, "whoami")).GetProperty("personalAccountId").GetString()!;
        var bobsAccount = (await Json(bob, "whoami")).GetProperty("personalAccountId").GetString()!;
        var adasKey = (await Json(ada, "keys", "create", "--name", "ada-ci")).GetProperty("key").GetProperty("hash").GetString()!;
        var adasManagement = (await Json(ada, "keys", "create", "--name", "ada-ops", "--kind", "management")).GetProperty("secret").GetString()!;
        var bobsManagement = (await Json(bob, "keys", "create", "--name", "bob-ops", "--kind", "management")).GetProperty("secret").GetString()!;
        var cli = Person();
        cli.Variables["PLATFORM_TOKEN"] = SavedToken(ada);
        cli.Variables["PLATFORM_API_KEY"] = bobsManagement;

        var list = await cli.RunAsync("keys", "list", "--account", bobsAccount, "--json");
        var get = await cli.RunAsync("keys", "get", adasKey, "--api-key", adasManagement);
        var whoami = await cli.RunAsync("whoami", "--json");
        var tokenFlag = await cli.RunAsync("keys", "get", adasKey, "--token", SavedToken(ada));
        var variableKey = await cli.RunAsync("keys", "get", adasKey);
        var noAccount = await cli.RunAsync("keys", "list");

        Assert.All(new[] { list, get, whoami, tokenFlag }, r => Assert.True(r.ExitCode == 0, r.ToString()));
        Assert.Equal(["bob-ops"], JsonDocument.Parse(list.Output).RootElement.GetProperty("keys").EnumerateArray().Select(k => k.GetProperty("name").GetString()));
        Assert.Contains("ada-ci", get.Output);
        Assert.Equal(adaEmail, JsonDocument.Parse(whoami.Output).RootElement.GetProperty("email").GetString());
        Assert.Contains("ada-ci", tokenFlag.Output);
        // Bob's management key, from the variable, may not read Ada's key: proof the variable went, not PLATFORM_TOKEN.
        Assert.Equal(3, variableKey.ExitCode);
        Assert.Equal(2, noAccount.ExitCode);
        Assert.Contains("--account", noAccount.Error);
        Assert.NotEqual(adasAccount, bobsAccount);
    }

    [Fact]
    public async Task An_expired_saved_login_asks_to_sign_in_again_without_calling()
    {
        var (ada, _) = await SignedInAsync("ada");
        // Nothing listens there: had the command called, it would say UNAVAILABLE and exit 1.
        var nothing = $"http://127.0.0.1:{FreePort.Next()}";
        ada.WriteEndpointsFile(nothing, nothing);
        ada.Clock = new ManualClock(DateTimeOffset.UtcNow.AddDays(2));

        var whoami = await ada.RunAsync("whoami");

        Assert.Equal(4, whoami.ExitCode);
        Assert.Contains("expired", whoami.Error);
        Assert.DoesNotContain("UNAVAILABLE", whoami.Error);
    }

    [Fact]
    public async Task A_refused_credential_exits_4_with_a_hint()
    {
        var (ada, _) = await SignedInAsync("ada");
        var hash = (await Json(ada, "keys", "create", "--name", "ci")).GetProperty("key").GetProperty("hash").GetString()!;

        var unknownKey = await ada.RunAsync("keys", "get", hash, "--api-key", "sk-plt-v1-" + new string('0', 64));
        var forgedToken = await ada.RunAsync("whoami", "--token", "not-a-jwt");

        foreach (var result in new[] { unknownKey, forgedToken })
        {
            Assert.Equal(4, result.ExitCode);
            Assert.Contains("UNAUTHENTICATED:", result.Error);
            Assert.Contains("platform login", result.Error);
        }
    }
}
