using System.CommandLine;
using Platform.Cli.Output;
using Platform.Grpc;

namespace Platform.Cli.Hosting;

/// <summary>What every command shares: where output goes, the environment, the global options; runs actions with error handling.</summary>
internal sealed class CliHost(CliConsole console, CliEnvironment environment, TimeProvider clock)
{
    public CliConsole Console => console;

    public CliEnvironment Environment => environment;

    public TimeProvider Clock => clock;

    public GlobalOptions Options { get; } = new();

    /// <summary>Sets <paramref name="command"/>'s action: run, then map failures to a message on stderr and an exit code.</summary>
    public void Handle(Command command, Func<Invocation, Task<int>> action) =>
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var invocation = new Invocation(this, parse, cancellationToken);
            try
            {
                return await action(invocation);
            }
            catch (Exception exception) when (cancellationToken.IsCancellationRequested && exception is OperationCanceledException or RpcException)
            {
                // Ctrl+C: the conventional 128 + SIGINT.
                console.Error.WriteLine("cancelled");
                return 130;
            }
            catch (RpcException exception)
            {
                return ErrorReport.Write(console.Error, exception, invocation.ChannelsInUse);
            }
            catch (CliException exception)
            {
                console.Error.WriteLine($"error: {exception.Message}");
                return exception.ExitCode;
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // The credentials file or its folder: say which, without a stack trace.
                console.Error.WriteLine($"error: {exception.Message}");
                return ExitCodes.Failure;
            }
        });

    public void Handle(Command command, Func<Invocation, Task> action) =>
        Handle(command, async invocation =>
        {
            await action(invocation);
            return ExitCodes.Ok;
        });
}
