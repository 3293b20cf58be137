namespace Platform.Hosting.Local.Processes;

/// <summary>Stops the servers of owners that died without stopping them (their reaper killed too).</summary>
internal static class StaleInstances
{
    /// <summary>The shell command that runs an instance's cleanup scripts and removes its folder.</summary>
    public static string CleanupCommand(string directory) =>
        $"for f in {Shell.Quote(directory)}/cleanup.d/*.sh; do [ -f \"$f\" ] && sh \"$f\"; done; rm -rf {Shell.Quote(directory)}";

    /// <summary>Signals a process group, waits up to <paramref name="seconds"/> for it to end, then kills what is left.</summary>
    public static string StopGroupCommand(int processGroupId, int signal, int seconds) =>
        $"kill -{signal} -{processGroupId} 2>/dev/null; i=0; while kill -0 -{processGroupId} 2>/dev/null && [ $i -lt {seconds * 10} ]; " +
        $"do sleep 0.1; i=$((i+1)); done; kill -9 -{processGroupId} 2>/dev/null\n";

    public static void CleanUp(string instancesDirectory)
    {
        foreach (var directory in Directory.GetDirectories(instancesDirectory))
        {
            if (OwnerIsAlive(directory)) continue;
            try
            {
                Shell.RunAsync(CleanupCommand(directory), CancellationToken.None, throwOnError: false).GetAwaiter().GetResult();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Another owner is cleaning the same folder; either of us finishing is enough.
            }
        }
    }

    private static bool OwnerIsAlive(string directory)
    {
        var ownerFile = Path.Combine(directory, "owner");
        // A folder being created has no owner file yet: give its creator a minute to write it.
        if (!File.Exists(ownerFile)) return Directory.GetCreationTimeUtc(directory) > DateTime.UtcNow.AddMinutes(-1);
        var parts = File.ReadAllText(ownerFile).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length == 2 && int.TryParse(parts[0], out var pid) && ProcessStartTime.Of(pid) == parts[1];
    }
}
