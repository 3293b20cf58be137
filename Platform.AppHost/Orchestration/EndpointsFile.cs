using System.Text.Json;

namespace Platform.AppHost.Orchestration;

/// <summary>
/// <c>.platform/endpoints.json</c>: resource name -> its URLs and connection strings (with passwords, so the file is
/// readable by its owner only). Written once everything is healthy; removed when the AppHost stops.
/// </summary>
internal static class EndpointsFile
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public static async Task WriteAsync(string path, IEnumerable<KeyValuePair<string, Dictionary<string, string>>> resources,
        CancellationToken cancellationToken)
    {
        var temporary = path + ".tmp";
        await File.WriteAllTextAsync(temporary, "", cancellationToken);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        await File.WriteAllTextAsync(temporary, JsonSerializer.Serialize(resources.ToDictionary(), Json), cancellationToken);
        // Readers never see half a file: it appears whole, by rename.
        File.Move(temporary, path, overwrite: true);
    }
}
