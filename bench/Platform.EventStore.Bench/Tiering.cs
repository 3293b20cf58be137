using System.Diagnostics;

namespace Platform.EventStore.Bench;

/// <summary>
/// Measures the steady state of a long-running service: code compiled at tier 1 from the first slice. Under full load
/// from the start the runtime's tier-1 compilation came late (docs/figures/grpc.md, "Tiering"), so early rows measured
/// tier-0 code of our store against framework code that is precompiled. <c>DOTNET_TC_CallCountingDelayMs=0</c> starts
/// call counting at once; the program re-runs itself with it unless it is set or <c>--default-tiering</c> is given.
/// </summary>
public static class Tiering
{
    private const string Variable = "DOTNET_TC_CallCountingDelayMs";

    public static bool ShouldRerun(string[] args) => Environment.GetEnvironmentVariable(Variable) is null && !args.Contains("--default-tiering");

    public static string Describe() => Environment.GetEnvironmentVariable(Variable) is { } value
        ? $"{Variable}={value}" : "runtime default";

    public static async Task<int> RerunAsync(string[] args)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!);
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet") start.ArgumentList.Add(typeof(Tiering).Assembly.Location);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment[Variable] = "0";
        using var child = Process.Start(start)!;
        await child.WaitForExitAsync();
        return child.ExitCode;
    }
}
