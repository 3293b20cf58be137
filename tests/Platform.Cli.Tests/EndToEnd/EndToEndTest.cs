using System.Text.Json;

namespace Platform.Cli.Tests.EndToEnd;

/// <summary>Real services shared by a test class, and people: each a command line with its own home, saved login and endpoints file.</summary>
public abstract class EndToEndTest(PlatformFixture platform) : IClassFixture<PlatformFixture>, IDisposable
{
    private readonly List<CliRun> _people = [];

    protected PlatformServices Services => platform.Services;

    protected CliRun Person()
    {
        var person = new CliRun();
        person.WriteEndpointsFile(Services.IdentityGrpc, Services.KeysGrpc);
        _people.Add(person);
        return person;
    }

    /// <summary>A person signed in through the development issuer, with an email no other test uses.</summary>
    protected async Task<(CliRun Cli, string Email)> SignedInAsync(string name, params string[] options)
    {
        var person = Person();
        var email = $"{name}-{Guid.NewGuid():N}@example.com";
        await Ok(person, ["login", "--email", email, .. options]);
        return (person, email);
    }

    /// <summary>The user token the person's login saved (tests hand it to other runs as --token or PLATFORM_TOKEN).</summary>
    protected static string SavedToken(CliRun cli) =>
        JsonDocument.Parse(File.ReadAllText(cli.CredentialsFile)).RootElement.GetProperty("accessToken").GetString()!;

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

    public void Dispose()
    {
        foreach (var person in _people) person.Dispose();
        GC.SuppressFinalize(this);
    }
}
