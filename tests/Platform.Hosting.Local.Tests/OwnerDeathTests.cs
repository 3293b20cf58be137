using Platform.Testing;
using System.Diagnostics;

namespace Platform.Hosting.Local.Tests;

/// <summary>Servers never outlive the process that started them, however it ends.</summary>
public sealed class OwnerDeathTests
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Killing_the_owner_with_sigkill_stops_its_servers_and_removes_their_data()
    {
        using var owner = await OwnerProcess.StartAsync(TestContext.Current.CancellationToken);
        Assert.True(LocalProcesses.Listens(owner.PostgresPort) && LocalProcesses.Listens(owner.AmqpPort));

        owner.KillHard();

        await WaitUntilAsync(() => !LocalProcesses.Listens(owner.PostgresPort) && !LocalProcesses.Listens(owner.AmqpPort) && !Directory.Exists(owner.InstanceDirectory));
        // The owner is stale now, so a process of another test project (CI runs them in parallel) may run its cleanup
        // beside the reaper; the folder goes with the first to finish while the other may still be in a script. Every
        // process that mentions the folder must still end, within the hang guard.
        await WaitUntilAsync(() => !LocalProcesses.Mentioning(owner.InstanceDirectory).Any(c => !c.Contains("rm -rf")));
    }

    [Fact]
    public async Task When_owner_and_reaper_are_both_killed_the_next_owner_cleans_up()
    {
        // This test process scans for stale owners once, when it first needs servers: let that happen now,
        // not while the first owner below is deliberately left stale.
        _ = Processes.LocalInstance.Current;
        using var first = await OwnerProcess.StartAsync(TestContext.Current.CancellationToken);
        var reaper = File.ReadAllText(Path.Combine(first.InstanceDirectory, "reaper")).Trim();
        Process.Start("kill", ["-9", reaper])!.WaitForExit();
        first.KillHard();
        await Task.Delay(TimeSpan.FromSeconds(2), TestContext.Current.CancellationToken);
        // With its reaper gone only a next owner stops the first owner's servers. CI runs test projects in parallel, so
        // another project's process may be that next owner and clean up before the one started below does: either way
        // the servers must end up stopped and their folder removed.
        using var second = await OwnerProcess.StartAsync(TestContext.Current.CancellationToken);

        await WaitUntilAsync(() => !LocalProcesses.Listens(first.PostgresPort) && !LocalProcesses.Listens(first.AmqpPort) && !Directory.Exists(first.InstanceDirectory));
        Assert.True(LocalProcesses.Listens(second.PostgresPort));
        second.KillHard();
        await WaitUntilAsync(() => !LocalProcesses.Listens(second.PostgresPort) && !LocalProcesses.Listens(second.AmqpPort));
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + HangGuard;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the servers were still running after the hang guard");
            await Task.Delay(200, TestContext.Current.CancellationToken);
        }
    }
}
