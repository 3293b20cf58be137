using System.CommandLine;

namespace Platform.Cli.Hosting;

/// <summary>Options every command takes (declared once on the root, recursive).</summary>
internal sealed class GlobalOptions
{
    public Option<bool> Json { get; } = new("--json") { Description = "Print one JSON document instead of tables", Recursive = true };

    public Option<string?> Identity { get; } = new("--identity") { HelpName = "URL", Description = "Identity gRPC URL (default: .platform/endpoints.json)", Recursive = true };

    public Option<string?> Keys { get; } = new("--keys") { HelpName = "URL", Description = "Keys gRPC URL (default: .platform/endpoints.json)", Recursive = true };

    public Option<string?> Token { get; } = new("--token") { HelpName = "TOKEN", Description = "User token (default: PLATFORM_TOKEN, else the saved login)", Recursive = true };

    public Option<string?> ApiKey { get; } = new("--api-key") { HelpName = "KEY", Description = "API key for keys commands (default: PLATFORM_API_KEY)", Recursive = true };

    public void AddTo(RootCommand root)
    {
        foreach (var option in new Option[] { Json, Identity, Keys, Token, ApiKey }) root.Options.Add(option);
    }
}
