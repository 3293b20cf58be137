using System.Security.Cryptography;
using Platform.AppHost.Orchestration;

namespace Platform.AppHost.Development;

/// <summary>
/// The symmetric key that signs the development issuer's tokens and that every service validates them with. It is
/// made once per state folder and kept there (mode 0600), so tokens saved by the CLI survive an AppHost restart; it
/// never leaves this machine and is never printed.
/// </summary>
public static class DevelopmentSigningKey
{
    public const string FileName = "dev-signing-key";

    public static string LoadOrCreate(AppHostOptions options)
    {
        var state = Path.GetFullPath(options.StateDirectory ?? Path.Combine(RepositoryRoot.Find(options.RepositoryRoot), ".platform"));
        Directory.CreateDirectory(state);
        var path = Path.Combine(state, FileName);
        if (File.Exists(path) && File.ReadAllText(path).Trim() is { Length: >= 44 } existing) return existing;

        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        // Written to a private temporary file first, so the key is never readable by others, even for a moment.
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, "");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.WriteAllText(temporary, key);
        File.Move(temporary, path, overwrite: true);
        return key;
    }
}
