using System.Runtime.InteropServices;
using Platform.AppHost.Orchestration;

namespace Platform.AppHost.Output;

/// <summary>
/// <c>dotnet run --project Platform.AppHost</c>: start, show, and on Ctrl+C (SIGINT), SIGTERM or SIGHUP stop in order.
/// A second Ctrl+C does not cut the shutdown short: servers left half-stopped are worse than a few more seconds.
/// </summary>
internal sealed class ConsoleRun(Orchestrator orchestrator)
{
    public async Task<int> RunAsync()
    {
        using var stop = new CancellationTokenSource();
        var registrations = new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGHUP }.Select(signal =>
            PosixSignalRegistration.Create(signal, context =>
            {
                context.Cancel = true;
                if (stop.IsCancellationRequested) orchestrator.Log.AppHost("already stopping; please wait");
                else stop.Cancel();
            })).ToList();

        var view = ConsoleView.For(orchestrator);
        view.Show();
        var exitCode = 0;
        try
        {
            await orchestrator.StartAsync(stop.Token);
            await Task.Delay(Timeout.Infinite, stop.Token);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            var known = ex is AppHostException or Platform.Hosting.Local.LocalServerException;
            orchestrator.Log.AppHost($"cannot start: {(known ? ex.Message : ex.ToString())}");
            exitCode = 1;
        }
        finally
        {
            await orchestrator.StopAsync();
            await view.CompleteAsync();
            registrations.ForEach(r => r.Dispose());
        }
        return exitCode;
    }
}
