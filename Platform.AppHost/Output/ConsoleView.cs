using Platform.AppHost.Orchestration;
using Spectre.Console;

namespace Platform.AppHost.Output;

/// <summary>What the console shows while the AppHost runs.</summary>
internal abstract class ConsoleView
{
    public abstract void Show();

    /// <summary>Called after everything has stopped: the view shows its last state and lets go of the console.</summary>
    public abstract Task CompleteAsync();

    /// <summary>The live table on a terminal; plain prefixed lines when output goes to a file or pipe (CI, tests).</summary>
    public static ConsoleView For(Orchestrator orchestrator) => orchestrator.Options.Output switch
    {
        OutputMode.None => new SilentView(),
        OutputMode.Plain => new PlainView(orchestrator),
        OutputMode.Live => new LiveView(orchestrator),
        _ => Console.IsOutputRedirected || !AnsiConsole.Profile.Capabilities.Interactive ? new PlainView(orchestrator) : new LiveView(orchestrator),
    };

    private sealed class SilentView : ConsoleView
    {
        public override void Show() { }

        public override Task CompleteAsync() => Task.CompletedTask;
    }
}
