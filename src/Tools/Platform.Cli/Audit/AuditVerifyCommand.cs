using System.CommandLine;
using Platform.Audit.V1;
using Platform.Cli.Hosting;
using Platform.Cli.Output;
using Spectre.Console;

namespace Platform.Cli.Audit;

/// <summary><c>audit verify</c>: one stream (VerifyStream) or all (VerifyAll, with progress); exit 5 when a chain is broken.</summary>
internal static class AuditVerifyCommand
{
    public static Command Create(CliHost host)
    {
        var service = AuditCommands.ServiceOption();
        var stream = new Argument<string?>("STREAM") { Description = "One stream; all of them when omitted", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("verify", "Recompute hash chains; exits 5 when one is broken") { service, stream };
        host.Handle(command, async run =>
        {
            var client = run.Audit(run.Get(service));
            var options = run.CallFor(run.Get(service));
            if (run.Get(stream) is { Length: > 0 } id)
            {
                var result = await client.VerifyStreamAsync(new VerifyStreamRequest { StreamId = id }, options);
                run.Output.Write(result, console =>
                {
                    console.Write(Tables.Record(("stream", id), ("valid", result.Valid ? "yes" : "NO"), ("events checked", result.EventsChecked.ToString()),
                        ("stream version", result.StreamVersion.ToString()), ("head hash", Convert.ToHexStringLower(result.HeadHash.Span))));
                    if (result.Break is { } broken) Breaks(console, [broken]);
                });
                return result.Valid ? ExitCodes.Ok : ExitCodes.ChainBroken;
            }

            VerifyAllProgress? last = null;
            await foreach (var progress in client.VerifyAllAsync(new VerifyAllRequest { ProgressEvery = 10_000 }, options))
            {
                last = progress;
                if (!progress.Done) run.Output.Progress($"checked {progress.EventsChecked} events in {progress.StreamsChecked} streams (position {progress.Position})");
            }
            if (last is not { Done: true }) throw new CliException("The service ended the verification before it was done.");
            run.Output.Write(last, console =>
            {
                console.Write(Tables.Record(("valid", last.Valid ? "yes" : "NO"), ("events checked", last.EventsChecked.ToString()),
                    ("streams checked", last.StreamsChecked.ToString()), ("position", last.Position.ToString())));
                if (last.Breaks.Count > 0) Breaks(console, last.Breaks);
            });
            return last.Valid ? ExitCodes.Ok : ExitCodes.ChainBroken;
        });
        return command;
    }

    private static void Breaks(IAnsiConsole console, IEnumerable<ChainBreak> breaks)
    {
        var table = Tables.Create("stream", "version", "reason", "expected", "found");
        foreach (var b in breaks)
            table.AddCells(b.StreamId, b.Version.ToString(), b.Reason, Convert.ToHexStringLower(b.ExpectedHash.Span), Convert.ToHexStringLower(b.FoundHash.Span));
        console.Write(table);
    }
}
