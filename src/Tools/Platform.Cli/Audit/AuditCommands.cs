using System.CommandLine;
using System.Text.Json.Nodes;
using Platform.Audit.V1;
using Platform.Cli.Hosting;
using Platform.Cli.Output;
using Spectre.Console;

namespace Platform.Cli.Audit;

/// <summary><c>platform audit read|verify</c>: a service's event streams and their hash chains (auditor or support role).</summary>
internal static class AuditCommands
{
    public static Command Create(CliHost host)
    {
        var audit = new Command("audit", "Read event streams and verify their hash chains (platform role auditor or support)");
        audit.Subcommands.Add(Read(host));
        audit.Subcommands.Add(AuditVerifyCommand.Create(host));
        return audit;
    }

    internal static Option<string> ServiceOption()
    {
        var option = new Option<string>("--service") { Description = "Whose audit trail: keys or identity", Required = true };
        option.AcceptOnlyFromAmong("keys", "identity");
        return option;
    }

    private static Command Read(CliHost host)
    {
        var service = ServiceOption();
        var stream = new Argument<string>("STREAM") { Description = "Stream id, e.g. key-<hash> or organization-<id>" };
        var command = new Command("read", "Every event of one stream, oldest first") { service, stream };
        host.Handle(command, async run =>
        {
            var client = run.Audit(run.Get(service));
            var events = new List<AuditEvent>();
            ReadStreamResponse page;
            var from = 1L;
            do
            {
                page = await client.ReadStreamAsync(new ReadStreamRequest { StreamId = run.Get(stream), FromVersion = from, PageSize = 1000 },
                    run.CallFor(run.Get(service)));
                events.AddRange(page.Events);
                from = page.NextVersion;
            }
            while (page.NextVersion > 0 && page.Events.Count > 0);

            var document = new JsonObject
            {
                ["streamId"] = run.Get(stream),
                ["streamType"] = page.StreamType,
                ["streamVersion"] = page.StreamVersion,
                ["headHash"] = Convert.ToHexStringLower(page.HeadHash.Span),
                ["events"] = new JsonArray(events.Select(e => (JsonNode?)ResultWriter.ToJson(e)).ToArray()),
            };
            run.Output.Write(document, console =>
            {
                var table = Tables.Create("version", "type", "recorded", "actor", "data", "hash");
                foreach (var e in events)
                    table.AddCells(e.Version.ToString(), e.Type, Tables.Time(e.Recorded), Actor(e.MetadataJson), Abbreviate(e.DataJson, 60),
                        Convert.ToHexStringLower(e.Hash.Span)[..16] + "…");
                console.Write(table);
                console.WriteLine($"{events.Count} events; head {Convert.ToHexStringLower(page.HeadHash.Span)}");
            });
        });
        return command;
    }

    /// <summary>Who did it (metadata "actor": user:…, service:…, key:…); --json has the whole metadata.</summary>
    private static string Actor(string metadataJson)
    {
        try
        {
            return JsonNode.Parse(metadataJson)?["actor"]?.GetValue<string>() ?? "";
        }
        catch (Exception exception) when (exception is System.Text.Json.JsonException or InvalidOperationException)
        {
            return "";
        }
    }

    private static string Abbreviate(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";
}
