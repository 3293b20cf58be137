using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Platform.Hosting.Local.Processes;

namespace Platform.AppHost.Orchestration;

/// <summary>
/// Where the AppHost keeps things: <c>endpoints.json</c> and <c>logs/</c> in the state folder (<c>.platform</c>), the
/// servers' data in <c>data/</c> beside them, unless the postgres/rabbitmq users cannot reach it (a home folder
/// closed to others, say): then in a folder under /var/tmp, which the log says.
/// </summary>
public sealed record StateFolders(string State, string Data, string Logs)
{
    public string EndpointsFile => Path.Combine(State, "endpoints.json");

    public static StateFolders Resolve(AppHostOptions options, string repositoryRoot, AppHostLog log)
    {
        var state = Path.GetFullPath(options.StateDirectory ?? Path.Combine(repositoryRoot, ".platform"));
        var logs = Directory.CreateDirectory(Path.Combine(state, "logs")).FullName;
        var data = Directory.CreateDirectory(Path.Combine(state, "data")).FullName;
        if (ServiceAccount.IsRoot && !(CanReach("postgres", data) && CanReach("rabbitmq", data)))
        {
            var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(data)))[..12];
            var fallback = Directory.CreateDirectory($"/var/tmp/platform-apphost-{hash}/data").FullName;
            log.AppHost($"the postgres/rabbitmq users cannot reach {data}; keeping server data in {fallback} instead");
            data = fallback;
        }
        return new StateFolders(state, data, logs);
    }

    /// <summary>Whether <paramref name="user"/> may enter <paramref name="folder"/> (and so every folder above it).</summary>
    private static bool CanReach(string user, string folder)
    {
        try
        {
            using var check = Process.Start(new ProcessStartInfo("setpriv", ["--reuid", user, "--regid", user, "--init-groups", "test", "-x", folder])
            {
                RedirectStandardError = true,
            })!;
            check.WaitForExit();
            // The user may not exist yet (the server is installed on first start): then nothing says we cannot.
            return check.ExitCode == 0 || check.StandardError.ReadToEnd().Contains("user", StringComparison.OrdinalIgnoreCase);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return true;
        }
    }
}
