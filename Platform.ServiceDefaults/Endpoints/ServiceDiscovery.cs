namespace Microsoft.Extensions.Configuration;

/// <summary>Other services' endpoints under Aspire's names, which the AppHost (or Kubernetes manifests) inject.</summary>
public static class ServiceDiscovery
{
    /// <summary>
    /// <c>services__&lt;service&gt;__&lt;endpoint&gt;__0</c>, e.g. <c>configuration.GetServiceUri("keys", "grpc")</c>;
    /// null when not configured.
    /// </summary>
    public static Uri? GetServiceUri(this IConfiguration configuration, string service, string endpoint) =>
        configuration[$"services:{service}:{endpoint}:0"] is { Length: > 0 } url ? new Uri(url) : null;
}
