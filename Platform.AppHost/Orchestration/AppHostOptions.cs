namespace Platform.AppHost.Orchestration;

/// <summary>How the AppHost runs: from the command line (see <see cref="CommandLine"/>) or set by tests.</summary>
public sealed record AppHostOptions
{
    /// <summary>Where endpoints.json, logs/ and data/ go; defaults to <c>.platform</c> in the repository root.</summary>
    public string? StateDirectory { get; init; }

    /// <summary>Ignore declared ports and take free ones (tests, or a second AppHost beside a running one).</summary>
    public bool FreePorts { get; init; }

    /// <summary>Port overrides: <c>postgres</c>, <c>messaging</c> (a resource's main endpoint) or <c>keys.grpc</c>.</summary>
    public IReadOnlyDictionary<string, int> Ports { get; init; } = new Dictionary<string, int>();

    /// <summary>Injected into services as <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>; null exports nothing.</summary>
    public string? OtlpEndpoint { get; init; } = Environment.GetEnvironmentVariable("OTEL_EXPORTER_OTLP_ENDPOINT") is { Length: > 0 } e ? e : null;

    /// <summary><c>grpc</c> or <c>http/protobuf</c>; null leaves the exporter's default (grpc).</summary>
    public string? OtlpProtocol { get; init; } = Environment.GetEnvironmentVariable("OTEL_EXPORTER_OTLP_PROTOCOL") is { Length: > 0 } p ? p : null;

    public OutputMode Output { get; init; } = OutputMode.Auto;

    /// <summary>How long a service may take to become healthy before the start counts as failed.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>The folder holding Platform.sln; found upwards from the current directory when null.</summary>
    public string? RepositoryRoot { get; init; }
}

public enum OutputMode
{
    /// <summary>A live table when standard output is a terminal, plain prefixed lines otherwise.</summary>
    Auto,
    Live,
    Plain,
    /// <summary>Nothing on the console (tests read <see cref="DistributedApplication.Log"/>).</summary>
    None,
}
