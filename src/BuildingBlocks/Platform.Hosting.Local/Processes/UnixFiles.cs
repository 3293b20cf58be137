namespace Platform.Hosting.Local.Processes;

/// <summary>File modes: the servers this library runs exist only on Unix-like systems.</summary>
internal static class UnixFiles
{
    public static void SetMode(string path, UnixFileMode mode)
    {
        if (OperatingSystem.IsWindows()) throw new PlatformNotSupportedException("Local servers run on Linux only.");
        File.SetUnixFileMode(path, mode);
    }
}
