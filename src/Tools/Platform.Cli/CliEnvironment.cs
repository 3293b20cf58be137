namespace Platform.Cli;

/// <summary>What the command line reads from its surroundings; tests pass their own instead of the process's.</summary>
public sealed record CliEnvironment(string CurrentDirectory, string HomeDirectory, Func<string, string?> GetVariable)
{
    public static CliEnvironment FromProcess() => new(
        Environment.CurrentDirectory,
        Environment.GetFolderPath(Environment.SpecialFolder.UserProfile),
        Environment.GetEnvironmentVariable);

    /// <summary>The variable's value, or null when unset or blank.</summary>
    public string? Variable(string name) => GetVariable(name) is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}
