using Platform.Testing;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Platform.AppHost.Tests;

/// <summary>Ctrl+C (SIGINT) stops services first, then the broker, then the database, and leaves nothing running.</summary>
public sealed partial class ShutdownTests
{
    [Fact]
    public async Task Sigint_stops_everything_in_order_and_leaves_no_process_or_port_behind()
    {
        var state = Directory.CreateTempSubdirectory("apphost-sigint-").FullName;
        File.SetUnixFileMode(state, (UnixFileMode)0x1ED); // the servers' users must reach their folders below it
        try
        {
            using var apphost = AppHostProcess.Start(state);
            await Poll.UntilAsync(() => File.Exists(apphost.EndpointsFile) || apphost.HasExited, "endpoints.json",
                () => "Output so far:\n" + string.Join('\n', apphost.Output.TakeLast(30)));
            Assert.False(apphost.HasExited, "the AppHost exited before it was ready:\n" + string.Join('\n', apphost.Output.TakeLast(30)));
            var ports = Ports(await File.ReadAllTextAsync(apphost.EndpointsFile, TestContext.Current.CancellationToken));
            var servicePids = ServicePid().Matches(string.Join('\n', apphost.Output)).Select(m => int.Parse(m.Groups[1].Value)).Distinct().ToList();
            Assert.Equal(2, servicePids.Count);
            Assert.Equal(7, ports.Count); // postgres, amqp, distribution, identity and keys (http and grpc each)
            Assert.All(ports, port => Assert.True(LocalProcesses.Listens(port), $"port {port} should be open while the AppHost runs"));

            apphost.Interrupt();
            var exitCode = await apphost.WaitForExitAsync();

            // Checked at once: the reaper (which would hide a leak) only acts a second or more after its owner is gone.
            Assert.DoesNotContain(ports, LocalProcesses.Listens);
            Assert.All(servicePids, pid => Assert.False(Directory.Exists($"/proc/{pid}"), $"the service process {pid} is still running"));
            Assert.Empty(LocalProcesses.Mentioning(state));
            Assert.Equal(0, exitCode);
            Assert.False(File.Exists(apphost.EndpointsFile), "endpoints.json outlived the AppHost");
            var lines = apphost.Output.ToList();
            int At(string text) => lines.FindIndex(l => l.EndsWith(text));
            var (identity, keys, messaging, postgres) = (At("identity: stopped"), At("keys: stopped"), At("messaging: stopped"), At("postgres: stopped"));
            Assert.DoesNotContain(-1, new[] { identity, keys, messaging, postgres });
            Assert.True(Math.Max(identity, keys) < messaging && messaging < postgres, "services stop first, then the broker, then the database");
        }
        finally
        {
            Directory.Delete(state, recursive: true);
        }
    }

    [GeneratedRegex(@"(?:identity|keys): running \(pid (\d+)\)")]
    private static partial Regex ServicePid();

    private static List<int> Ports(string endpointsJson)
    {
        using var json = JsonDocument.Parse(endpointsJson);
        return json.RootElement.EnumerateObject()
            .SelectMany(resource => resource.Value.EnumerateObject())
            .Where(endpoint => endpoint.Name != "connectionString")
            .Select(endpoint => new Uri(endpoint.Value.GetString()!).Port)
            .ToList();
    }
}
