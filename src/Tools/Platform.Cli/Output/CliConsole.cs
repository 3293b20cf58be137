using Spectre.Console;

namespace Platform.Cli.Output;

/// <summary>Where a run writes: tables and JSON to standard output, errors to standard error.</summary>
internal sealed class CliConsole(IAnsiConsole output, TextWriter error)
{
    public IAnsiConsole Out { get; } = output;

    public TextWriter Error { get; } = error;

    /// <summary>The terminal, or plain text without colours into the given writer (tests, pipes).</summary>
    public static CliConsole Create(TextWriter? output, TextWriter? error)
    {
        var console = output is null
            ? AnsiConsole.Console
            : AnsiConsole.Create(new AnsiConsoleSettings
            {
                Ansi = AnsiSupport.No,
                ColorSystem = ColorSystemSupport.NoColors,
                Interactive = InteractionSupport.No,
                Out = new AnsiConsoleOutput(output),
            });
        // Ids are 36 characters; a narrow default would wrap them in the middle. audit verify's break table (a stream id,
        // a reason and two 64-hex hashes) needs about 270 columns, so pipes and tests get room for every row on one line.
        if (output is not null || Console.IsOutputRedirected) console.Profile.Width = 400;
        return new CliConsole(console, error ?? Console.Error);
    }
}
