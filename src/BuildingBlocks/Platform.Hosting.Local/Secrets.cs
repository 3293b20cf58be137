using System.Security.Cryptography;
using Platform.Hosting.Local.Processes;

namespace Platform.Hosting.Local;

internal static class Secrets
{
    /// <summary>A random password of hex characters (safe in URIs and connection strings).</summary>
    public static string NewPassword() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>Reads a password kept beside a server's data (so a data folder reused across runs keeps working), or makes one.</summary>
    public static string Persistent(string path)
    {
        if (File.Exists(path)) return File.ReadAllText(path).Trim();
        var password = NewPassword();
        File.WriteAllText(path, password);
        UnixFiles.SetMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return password;
    }
}
