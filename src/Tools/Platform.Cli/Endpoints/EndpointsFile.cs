using System.Text.Json;

namespace Platform.Cli.Endpoints;

/// <summary>
/// Reads <c>.platform/endpoints.json</c>, written by the AppHost when every resource is healthy
/// (resource -> endpoint name -> URL), from the current directory or the nearest parent that has one.
/// </summary>
internal static class EndpointsFile
{
    public const string RelativePath = ".platform/endpoints.json";

    public static string? Find(string startDirectory)
    {
        for (var directory = new DirectoryInfo(startDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, RelativePath);
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }

    public static Dictionary<string, Dictionary<string, string>> Read(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, string>>>(File.ReadAllText(path)) ?? [];
        }
        catch (Exception exception) when (exception is JsonException or IOException or UnauthorizedAccessException)
        {
            throw new CliException($"Cannot read {path}: {exception.Message}");
        }
    }
}
