namespace Platform.Cli.Tests;

/// <summary>Where the services are: flags, then Aspire's variables, then the AppHost's endpoints file found walking up.</summary>
public sealed class EndpointsTests : IDisposable
{
    private readonly CliRun _cli = new();

    [Fact]
    public async Task Without_an_endpoints_file_or_flags_the_error_says_to_start_the_apphost()
    {
        var result = await _cli.RunAsync("orgs", "list", "--token", "t");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("No address for the identity service", result.Error);
        Assert.Contains("dotnet run --project Platform.AppHost", result.Error);
        Assert.Contains("--identity", result.Error);
    }

    [Fact]
    public async Task The_endpoints_file_is_found_in_a_parent_folder_and_a_down_service_is_named()
    {
        var port = Platform.Hosting.Local.FreePort.Next();
        _cli.WriteEndpointsFile($"http://127.0.0.1:{port}", "http://127.0.0.1:9");

        var result = await _cli.RunAsync("orgs", "list", "--token", "t");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("UNAVAILABLE", result.Error);
        Assert.Contains($"identity at http://127.0.0.1:{port}/", result.Error);
    }

    [Fact]
    public async Task A_flag_beats_the_variable_and_the_variable_beats_the_file()
    {
        _cli.WriteEndpointsFile("http://127.0.0.1:11", "http://127.0.0.1:12");
        _cli.Variables["services__keys__grpc__0"] = "http://127.0.0.1:13";

        var fromVariable = await _cli.RunAsync("keys", "get", "0123", "--token", "t");
        var fromFlag = await _cli.RunAsync("keys", "get", "0123", "--token", "t", "--keys", "http://127.0.0.1:14");

        Assert.Contains("keys at http://127.0.0.1:13/", fromVariable.Error);
        Assert.Contains("keys at http://127.0.0.1:14/", fromFlag.Error);
    }

    [Fact]
    public async Task A_malformed_address_is_an_invalid_argument()
    {
        var result = await _cli.RunAsync("orgs", "list", "--token", "t", "--identity", "localhost:7102");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("not an http:// or https:// URL", result.Error);
    }

    public void Dispose() => _cli.Dispose();
}
