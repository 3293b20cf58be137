using System.CommandLine;
using System.CommandLine.Invocation;
using Platform.Cli.Audit;
using Platform.Cli.Hosting;
using Platform.Cli.Keys;
using Platform.Cli.Organizations;
using Platform.Cli.Output;
using Platform.Cli.Sessions;

namespace Platform.Cli;

/// <summary>The <c>platform</c> command line, callable in-process: arguments in, exit code out.</summary>
public static class CliApp
{
    public static async Task<int> RunAsync(string[] args, TextWriter? output = null, TextWriter? error = null,
        CliEnvironment? environment = null, TimeProvider? clock = null, CancellationToken cancellationToken = default)
    {
        var console = CliConsole.Create(output, error);
        var host = new CliHost(console, environment ?? CliEnvironment.FromProcess(), clock ?? TimeProvider.System);
        var root = CreateRoot(host);
        var parse = root.Parse(args);
        if (parse.Action is ParseErrorAction)
        {
            // Usage errors are invalid arguments too: exit 2, with the errors and no page of help.
            foreach (var parseError in parse.Errors) console.Error.WriteLine($"error: {parseError.Message}");
            console.Error.WriteLine($"Run `platform {string.Join(' ', CommandPath(parse))} --help` for usage.".Replace("  ", " "));
            return ExitCodes.InvalidArgument;
        }
        return await parse.InvokeAsync(new InvocationConfiguration
        {
            Output = output ?? Console.Out,
            Error = error ?? Console.Error,
        }, cancellationToken);
    }

    internal static RootCommand CreateRoot(CliHost host)
    {
        var root = new RootCommand("platform: organizations, API keys and audit of the LLM API platform, over gRPC.");
        host.Options.AddTo(root);
        root.Subcommands.Add(SessionCommands.Login(host));
        root.Subcommands.Add(SessionCommands.Logout(host));
        root.Subcommands.Add(SessionCommands.WhoAmI(host));
        root.Subcommands.Add(OrganizationCommands.Create(host));
        root.Subcommands.Add(KeyCommands.Create(host));
        root.Subcommands.Add(AuditCommands.Create(host));
        return root;
    }

    private static IEnumerable<string> CommandPath(ParseResult parse)
    {
        var names = new List<string>();
        for (var result = parse.CommandResult; result.Parent is System.CommandLine.Parsing.CommandResult parent; result = parent)
            names.Insert(0, result.Command.Name);
        return names;
    }
}
