namespace Platform.Grpc.Telemetry;

/// <summary>The names of one method, computed once: the HTTP path, the activity name and the OTel tags.</summary>
internal sealed class MethodNames(string service, string method)
{
    public string Service { get; } = service;

    public string Method { get; } = method;

    /// <summary><c>/package.Service/Method</c>, the HTTP/2 <c>:path</c>.</summary>
    public string Path { get; } = $"/{service}/{method}";

    /// <summary><c>package.Service/Method</c>, the OTel span name.</summary>
    public string ActivityName { get; } = $"{service}/{method}";
}
