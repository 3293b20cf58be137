using Platform.AppHost.Orchestration;

namespace Platform.AppHost.Output;

/// <summary>Every line prefixed with its resource (<c>sample    | ...</c>), and the resource table once all are healthy.</summary>
internal sealed class PlainView(Orchestrator orchestrator) : ConsoleView
{
    private readonly Lock _console = new();

    public override void Show()
    {
        orchestrator.Log.LineWritten += Write;
        orchestrator.Ready += WriteTable;
    }

    private void Write(LogLine line)
    {
        lock (_console) Console.Out.WriteLine($"{line.Resource,-12} | {line.Text}");
    }

    private void WriteTable()
    {
        lock (_console)
        {
            foreach (var row in ResourceTable.Rows(orchestrator.Board.All))
                Console.Out.WriteLine($"{AppHostLog.AppHostName,-12} | {row.Name,-12} {row.Kind,-9} {row.State,-9} {row.Health,-9} {row.Endpoints}");
        }
    }

    public override Task CompleteAsync()
    {
        orchestrator.Log.LineWritten -= Write;
        orchestrator.Ready -= WriteTable;
        Console.Out.Flush();
        return Task.CompletedTask;
    }
}
