namespace Platform.Cli.Endpoints;

/// <summary>
/// Where a service's gRPC endpoint is: the flag (<c>--identity</c>, <c>--keys</c>), else Aspire's variable
/// (<c>services__identity__grpc__0</c>), else the AppHost's endpoints file found from the current directory up.
/// </summary>
internal sealed class ServiceEndpoints(CliEnvironment environment, IReadOnlyDictionary<string, string?> flags)
{
    private Dictionary<string, Dictionary<string, string>>? _file;
    private string? _filePath;

    public Uri Resolve(string service)
    {
        var flag = flags.GetValueOrDefault(service);
        if (!string.IsNullOrWhiteSpace(flag)) return Parse(flag, $"--{service}");
        var variable = $"services__{service}__grpc__0";
        if (environment.Variable(variable) is { } fromEnvironment) return Parse(fromEnvironment, variable);

        _filePath ??= EndpointsFile.Find(environment.CurrentDirectory)
            ?? throw new CliException(
                $"No address for the {service} service: no {EndpointsFile.RelativePath} in {environment.CurrentDirectory} or its parents. " +
                $"Run `dotnet run --project Platform.AppHost` first, or pass --{service} URL (or set {variable}).");
        _file ??= EndpointsFile.Read(_filePath);
        if (_file.TryGetValue(service, out var endpoints) && endpoints.TryGetValue("grpc", out var grpc))
            return Parse(grpc, _filePath);
        throw new CliException($"{_filePath} names no grpc endpoint for the {service} service (is it in the AppHost yet?). Pass --{service} URL.");
    }

    private static Uri Parse(string value, string source) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : throw new CliException($"{source}: '{value}' is not an http:// or https:// URL.", Output.ExitCodes.InvalidArgument);
}
