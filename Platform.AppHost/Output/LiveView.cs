using Platform.AppHost.Orchestration;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Platform.AppHost.Output;

/// <summary>A table of resources (state, health, endpoints, restarts) above the latest log lines, redrawn four times a second.</summary>
internal sealed class LiveView(Orchestrator orchestrator) : ConsoleView
{
    private readonly CancellationTokenSource _done = new();
    private Task _loop = Task.CompletedTask;

    public override void Show() => _loop = AnsiConsole.Live(Render()).AutoClear(false).StartAsync(async context =>
    {
        while (!_done.IsCancellationRequested)
        {
            context.UpdateTarget(Render());
            try
            {
                await Task.Delay(250, _done.Token);
            }
            catch (OperationCanceledException)
            {
            }
        }
        context.UpdateTarget(Render());
    });

    private IRenderable Render()
    {
        var table = new Table().Border(TableBorder.Rounded).Expand()
            .AddColumns("Resource", "Type", "State", "Health", "Endpoints", "Restarts");
        foreach (var row in ResourceTable.Rows(orchestrator.Board.All))
            table.AddRow(Markup.Escape(row.Name), row.Kind, Colour(row.State), Colour(row.Health), Markup.Escape(row.Endpoints), row.Restarts.ToString());

        var width = Math.Max(40, SafeConsole(() => Console.WindowWidth, 120) - 4);
        var room = Math.Max(5, SafeConsole(() => Console.WindowHeight, 40) - orchestrator.Board.All.Count - 10);
        var lines = orchestrator.Log.Recent(room).Select(l =>
        {
            var text = $"{l.Resource,-12} | {l.Text}";
            return Markup.Escape(text.Length > width ? text[..width] : text);
        });
        var logs = new Panel(new Markup(string.Join('\n', lines))).Header(Markup.Escape($"latest lines (full logs in {orchestrator.Folders?.Logs ?? ".platform/logs"})")).Expand();
        return new Rows(table, logs);
    }

    private static string Colour(string value) => value switch
    {
        "healthy" => "[green]healthy[/]",
        "unhealthy" => "[red]unhealthy[/]",
        _ when value.StartsWith("running") => $"[green]{value}[/]",
        _ when value.StartsWith("exited") || value.StartsWith("failed") || value.StartsWith("restarting") => $"[red]{value}[/]",
        _ => $"[yellow]{Markup.Escape(value)}[/]",
    };

    private static int SafeConsole(Func<int> read, int fallback)
    {
        try
        {
            var value = read();
            return value > 0 ? value : fallback;
        }
        catch (IOException)
        {
            return fallback;
        }
    }

    public override async Task CompleteAsync()
    {
        await _done.CancelAsync();
        await _loop;
    }
}
