using System.Text.Json;
using Platform.Testing;

namespace Platform.Cli.Tests.EndToEnd;

/// <summary>Real services per test class, and people: each a command line with its own home, saved login and endpoints file.</summary>
public abstract class EndToEndTest(LocalServers servers) : IAsyncLifetime
{
    private readonly List<CliRun> _people = [];

    protected PlatformServices Services { get; private set; } = null!;

    public async ValueTask InitializeAsync() => Services = await PlatformServices.StartAsync(servers);

    protected CliRun Person()
    {
        var person = new CliRun();
        person.WriteEndpointsFile(Services.IdentityGrpc, Services.KeysGrpc);
        _people.Add(person);
        return person;
    }

    protected static async Task Ok(CliRun cli, params string[] args)
    {
        var result = await cli.RunAsync(args);
        Assert.True(result.ExitCode == 0, $"platform {string.Join(' ', args)}: {result}");
    }

    protected static async Task<JsonElement> Json(CliRun cli, params string[] args)
    {
        var result = await cli.RunAsync([.. args, "--json"]);
        Assert.True(result.ExitCode == 0, $"platform {string.Join(' ', args)}: {result}");
        return JsonDocument.Parse(result.Output).RootElement.Clone();
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        foreach (var person in _people) person.Dispose();
        GC.SuppressFinalize(this);
    }
}
