using System.Diagnostics;

namespace Platform.Grpc.Bench;

/// <summary>
/// Makes the bench measure the steady state of a long-running service: code compiled at tier 1.
/// </summary>
/// <remarks>
/// The runtime starts counting calls for tier-1 compilation only after a quiet delay with no new tier-0 methods. Under
/// the bench's full load from its first second that point came late: with 2 s of warm-up, 0 of ~1,100 jitted methods
/// had reached tier 1 after 8 s (perf map), all hot ones had after 25 s, and CPU per call halved then (gRPC client
/// 20-25 µs → 12.5 µs). The rounds were measuring tier-0 code, and whichever side happened to tier up first won. With
/// <c>DOTNET_TC_CallCountingDelayMs=0</c> counting starts at once and the warm-up reaches that steady state.
/// <c>--default-tiering</c> keeps the runtime's default.
/// </remarks>
public static class Tiering
{
    public const string Variable = "DOTNET_TC_CallCountingDelayMs";

    public const string KeepDefault = "--default-tiering";

    public static bool IsApplied => Environment.GetEnvironmentVariable(Variable) is not null;

    public static string Describe() => IsApplied
        ? $"{Variable}={Environment.GetEnvironmentVariable(Variable)} (tier-1 compilation without the start-up delay)"
        : "runtime default (tier-1 compilation may not have happened yet)";

    /// <summary>This program again, pinned to <paramref name="core"/> when given, with the tiering setting of this one (or 0 when asked).</summary>
    public static ProcessStartInfo Self(int? core, IEnumerable<string> args, bool redirect, bool applyTiering)
    {
        var start = new ProcessStartInfo(core is null ? Environment.ProcessPath! : "/usr/bin/taskset")
        {
            RedirectStandardInput = redirect,
            RedirectStandardOutput = redirect,
        };
        if (core is { } c)
        {
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add(c.ToString());
            start.ArgumentList.Add(Environment.ProcessPath!);
        }
        // Started as `dotnet Bench.dll` or as the apphost: run the same way.
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet") start.ArgumentList.Add(typeof(Tiering).Assembly.Location);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        if (applyTiering && !IsApplied) start.Environment[Variable] = "0";
        return start;
    }

    /// <summary>Runs this program again with the setting applied, and returns its exit code.</summary>
    public static async Task<int> RerunAsync(string[] args)
    {
        using var child = Process.Start(Self(core: null, args, redirect: false, applyTiering: true))!;
        await child.WaitForExitAsync();
        return child.ExitCode;
    }
}
