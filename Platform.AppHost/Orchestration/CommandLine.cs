using System.CommandLine;

namespace Platform.AppHost.Orchestration;

/// <summary>The AppHost's flags; <c>dotnet run --project Platform.AppHost -- --help</c> lists them.</summary>
public static class CommandLine
{
    /// <summary>Options from the arguments, or null (after printing help or errors) when the AppHost should not run.</summary>
    public static AppHostOptions? Parse(string[] args, out int exitCode)
    {
        var otlp = new Option<string?>("--otlp") { Description = "OTLP endpoint for the services' telemetry (default: $OTEL_EXPORTER_OTLP_ENDPOINT), e.g. http://localhost:4317" };
        var protocol = new Option<string?>("--otlp-protocol") { Description = "grpc (default) or http/protobuf" };
        protocol.AcceptOnlyFromAmong("grpc", "http/protobuf");
        var ports = new Option<string[]>("--port") { Description = "Change a port: NAME=PORT, where NAME is a resource (postgres, messaging, identity, keys) or resource.endpoint (messaging.distribution, keys.grpc); repeatable", AllowMultipleArgumentsPerToken = false };
        ports.Validators.Add(result =>
        {
            foreach (var value in result.GetValueOrDefault<string[]>() ?? [])
                if (!TryParsePort(value, out _, out _)) result.AddError($"--port {value}: expected NAME=PORT with a port from 1 to 65535, e.g. --port postgres=6432.");
        });
        var freePorts = new Option<bool>("--free-ports") { Description = "Use free ports instead of the fixed defaults" };
        var state = new Option<string?>("--state-dir") { Description = "Folder for endpoints.json, logs and data (default: .platform in the repository root)" };
        var plain = new Option<bool>("--plain") { Description = "Plain prefixed log lines instead of the live table" };
        var root = new RootCommand("Runs the platform locally: PostgreSQL, RabbitMQ and every service.") { otlp, protocol, ports, freePorts, state, plain };

        AppHostOptions? options = null;
        root.SetAction(result =>
        {
            options = new AppHostOptions
            {
                StateDirectory = result.GetValue(state),
                FreePorts = result.GetValue(freePorts),
                Ports = ParsePorts(result.GetValue(ports) ?? []),
                Output = result.GetValue(plain) ? OutputMode.Plain : OutputMode.Auto,
            };
            if (result.GetValue(otlp) is { } endpoint) options = options with { OtlpEndpoint = endpoint };
            if (result.GetValue(protocol) is { } chosen) options = options with { OtlpProtocol = chosen };
            return 0;
        });
        exitCode = root.Parse(args).Invoke();
        return exitCode == 0 ? options : null;
    }

    private static Dictionary<string, int> ParsePorts(IEnumerable<string> values)
    {
        var ports = new Dictionary<string, int>();
        foreach (var value in values)
            if (TryParsePort(value, out var name, out var port)) ports[name] = port;
        return ports;
    }

    private static bool TryParsePort(string value, out string name, out int port)
    {
        var parts = value.Split('=', 2);
        name = parts[0].Trim();
        port = 0;
        return parts.Length == 2 && name.Length > 0 && int.TryParse(parts[1], out port) && port is >= 1 and <= 65535;
    }
}
