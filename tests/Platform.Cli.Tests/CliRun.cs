using Platform.Cli;

namespace Platform.Cli.Tests;

/// <summary>Runs the command line in-process with its own folders and variables; nothing of the test process leaks in.</summary>
public sealed class CliRun : IDisposable
{
    public CliRun()
    {
        Root = Directory.CreateTempSubdirectory("platform-cli-").FullName;
        Home = Directory.CreateDirectory(Path.Combine(Root, "home")).FullName;
        WorkingDirectory = Directory.CreateDirectory(Path.Combine(Root, "work", "nested")).FullName;
    }

    public string Root { get; }

    public string Home { get; }

    public string WorkingDirectory { get; set; }

    public Dictionary<string, string> Variables { get; } = [];

    public TimeProvider Clock { get; set; } = TimeProvider.System;

    public string CredentialsFile => Path.Combine(Home, ".platform", "credentials.json");

    public async Task<Result> RunAsync(params string[] args)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var environment = new CliEnvironment(WorkingDirectory, Home, name => Variables.GetValueOrDefault(name));
        var exitCode = await CliApp.RunAsync(args, output, error, environment, Clock, TestContext.Current.CancellationToken);
        return new Result(exitCode, output.ToString(), error.ToString());
    }

    /// <summary>An endpoints file like the AppHost's, at the top of the test's folders (the CLI finds it walking up).</summary>
    public void WriteEndpointsFile(string identityGrpc, string keysGrpc)
    {
        Directory.CreateDirectory(Path.Combine(Root, ".platform"));
        File.WriteAllText(Path.Combine(Root, ".platform", "endpoints.json"), $$"""
            {
              "postgres": { "tcp": "tcp://127.0.0.1:5532", "connectionString": "Host=127.0.0.1" },
              "identity": { "http": "http://127.0.0.1:1", "grpc": "{{identityGrpc}}" },
              "keys": { "http": "http://127.0.0.1:1", "grpc": "{{keysGrpc}}" }
            }
            """);
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);

    public sealed record Result(int ExitCode, string Output, string Error)
    {
        public string All => Output + Error;

        public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Output}--- stderr\n{Error}";
    }
}
