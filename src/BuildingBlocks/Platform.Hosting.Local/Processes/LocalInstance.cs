using System.Diagnostics;

namespace Platform.Hosting.Local.Processes;

/// <summary>
/// The servers this process owns, recorded under <c>/tmp/platform-local/instances/</c> as one cleanup script
/// per server. A detached reaper runs those scripts when this process dies, however it dies (even SIGKILL);
/// the next start of any owner also runs the scripts of owners that are gone, in case the reaper was killed too.
/// </summary>
public sealed class LocalInstance
{
    public static readonly string Root = Environment.GetEnvironmentVariable("PLATFORM_LOCAL_ROOT") ?? "/tmp/platform-local";

    private static readonly Lazy<LocalInstance> LazyCurrent = new(Create);

    private readonly string _cleanupDirectory;

    private LocalInstance(string directory)
    {
        Directory = directory;
        _cleanupDirectory = Path.Combine(directory, "cleanup.d");
    }

    public static LocalInstance Current => LazyCurrent.Value;

    /// <summary>This owner's folder; ephemeral server data lives below it and goes with it.</summary>
    public string Directory { get; }

    /// <summary>Records how to stop a server if this process dies before stopping it itself.</summary>
    public void RegisterCleanup(string name, string script) =>
        File.WriteAllText(Path.Combine(_cleanupDirectory, name + ".sh"), script);

    /// <summary>
    /// Records that a process group (a process started in a session of its own, such as a <see cref="ServerProcess"/>) is
    /// sent <paramref name="signal"/>, then SIGKILL after <paramref name="graceSeconds"/>, if this process dies first.
    /// </summary>
    public void RegisterProcessGroup(string name, int processGroupId, int signal, int graceSeconds) =>
        RegisterCleanup(name, StaleInstances.StopGroupCommand(processGroupId, signal, graceSeconds));

    public void UnregisterCleanup(string name) => File.Delete(Path.Combine(_cleanupDirectory, name + ".sh"));

    private static LocalInstance Create()
    {
        var instances = Path.Combine(Root, "instances");
        System.IO.Directory.CreateDirectory(instances);
        // Others' servers run as postgres/rabbitmq and must reach their folders below this one.
        UnixFiles.SetMode(Root, (UnixFileMode)0x1FF | UnixFileMode.StickyBit);
        StaleInstances.CleanUp(instances);

        var pid = Environment.ProcessId;
        var directory = Path.Combine(instances, $"{pid}-{ProcessStartTime.Of(pid)}");
        System.IO.Directory.CreateDirectory(Path.Combine(directory, "cleanup.d"));
        File.WriteAllText(Path.Combine(directory, "owner"), $"{pid} {ProcessStartTime.Of(pid)}");
        StartReaper(pid, directory);
        return new LocalInstance(directory);
    }

    private static void StartReaper(int ownerPid, string directory)
    {
        var script = $"while kill -0 {ownerPid} 2>/dev/null; do sleep 1; done; {StaleInstances.CleanupCommand(directory)}";
        var start = new ProcessStartInfo("/bin/sh", ["-c", $"setsid sh -c {Shell.Quote(script)} >/dev/null 2>&1 </dev/null & echo $! > {Shell.Quote(Path.Combine(directory, "reaper"))}"])
        {
            UseShellExecute = false,
        };
        using var launcher = Process.Start(start) ?? throw new LocalServerException("Could not start the reaper process.");
        launcher.WaitForExit();
    }
}
