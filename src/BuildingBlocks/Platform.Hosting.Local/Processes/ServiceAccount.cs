namespace Platform.Hosting.Local.Processes;

/// <summary>
/// The operating-system user a server runs as. PostgreSQL refuses to run as root and RabbitMQ's
/// files belong to its own user, so when we are root we switch to that user (setpriv, which execs
/// in place and keeps the process id); otherwise the server runs as whoever we are.
/// </summary>
public sealed record ServiceAccount(string? UserName)
{
    public static bool IsRoot => Environment.UserName == "root" || GetEuid() == 0;

    public static ServiceAccount For(string preferredUser) => new(IsRoot ? preferredUser : null);

    /// <summary>Wraps a command line so it runs as this account, in a session of its own.</summary>
    public string Wrap(string command) => UserName is null
        ? $"exec setsid {command}"
        : $"exec setsid setpriv --reuid={UserName} --regid={UserName} --init-groups {command}";

    /// <summary>Gives this account a folder it must write to.</summary>
    public async Task OwnAsync(string path, CancellationToken cancellationToken)
    {
        if (UserName is null) return;
        await Shell.RunAsync($"chown -R {UserName}:{UserName} {Shell.Quote(path)}", cancellationToken);
    }

    private static uint GetEuid() => geteuid();

    [System.Runtime.InteropServices.DllImport("libc")]
    private static extern uint geteuid();
}
