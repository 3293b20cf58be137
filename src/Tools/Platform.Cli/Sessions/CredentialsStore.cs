using System.Text.Json;

namespace Platform.Cli.Sessions;

/// <summary>
/// <c>~/.platform/credentials.json</c> (or <c>$PLATFORM_CONFIG_DIR/credentials.json</c>), readable by its owner
/// only: the file is created empty with mode 0600 before the token goes in, and appears by rename.
/// </summary>
internal sealed class CredentialsStore(CliEnvironment environment)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public string Directory => environment.Variable("PLATFORM_CONFIG_DIR") ?? Path.Combine(environment.HomeDirectory, ".platform");

    public string FilePath => Path.Combine(Directory, "credentials.json");

    public SavedCredentials? Load()
    {
        if (!File.Exists(FilePath)) return null;
        try
        {
            return JsonSerializer.Deserialize<SavedCredentials>(File.ReadAllText(FilePath), Json);
        }
        catch (JsonException)
        {
            throw new CliException($"{FilePath} is not a credentials file; run `platform logout` and `platform login` again.");
        }
    }

    public void Save(SavedCredentials credentials)
    {
        var directory = System.IO.Directory.CreateDirectory(Directory);
        if (!OperatingSystem.IsWindows())
            directory.UnixFileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        var temporary = FilePath + ".tmp";
        File.WriteAllText(temporary, "");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.WriteAllText(temporary, JsonSerializer.Serialize(credentials, Json));
        File.Move(temporary, FilePath, overwrite: true);
    }

    /// <summary>Removes the saved token; false when there was none.</summary>
    public bool Delete()
    {
        if (!File.Exists(FilePath)) return false;
        File.Delete(FilePath);
        return true;
    }
}
