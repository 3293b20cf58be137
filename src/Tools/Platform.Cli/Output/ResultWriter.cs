using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Google.Protobuf;
using Spectre.Console;

namespace Platform.Cli.Output;

/// <summary>Writes a command's result once: as a table for people, or as one JSON document with <c>--json</c>.</summary>
internal sealed class ResultWriter(CliConsole console, bool json)
{
    private static readonly JsonFormatter Protobuf = new(JsonFormatter.Settings.Default.WithFormatDefaultValues(true));
    // Relaxed escaping: embedded JSON (audit data) stays readable ("a" rather than \u0022a\u0022); still valid JSON.
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public bool IsJson => json;

    public IAnsiConsole Console => console.Out;

    public void Write(IMessage message, Action<IAnsiConsole> human) => Write(ToJson(message), human);

    public void Write(JsonNode document, Action<IAnsiConsole> human)
    {
        if (json) console.Out.Profile.Out.Writer.WriteLine(document.ToJsonString(Indented));
        else human(console.Out);
    }

    /// <summary>A progress line for people; nothing in JSON mode, where the one document comes at the end.</summary>
    public void Progress(string text)
    {
        if (!json) console.Out.WriteLine(text);
    }

    public static JsonNode ToJson(IMessage message) => JsonNode.Parse(Protobuf.Format(message))!;
}
