using System.Runtime.InteropServices;

namespace Platform.Hosting.Local.Processes;

/// <summary>POSIX signals, which .NET's Process class cannot send (it only kills).</summary>
internal static class Signals
{
    public const int Int = 2;
    public const int Kill = 9;
    public const int Term = 15;

    /// <summary>Sends a signal to every process of a process group (the servers run in their own session).</summary>
    public static bool SendToGroup(int processGroupId, int signal) => processGroupId > 1 && kill(-processGroupId, signal) == 0;

    public static bool IsAlive(int processId) => processId > 0 && (kill(processId, 0) == 0 || Marshal.GetLastPInvokeError() == 1 /* EPERM: alive, not ours */);

    public static bool GroupIsAlive(int processGroupId) => processGroupId > 1 && (kill(-processGroupId, 0) == 0 || Marshal.GetLastPInvokeError() == 1);

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int sig);
}
