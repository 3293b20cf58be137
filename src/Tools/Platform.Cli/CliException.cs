using Platform.Cli.Output;

namespace Platform.Cli;

/// <summary>A failure found by the command line itself (no endpoints, not signed in, bad input): a message and an exit code.</summary>
internal sealed class CliException(string message, int exitCode = ExitCodes.Failure) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
