using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Platform.ServiceDefaults.Endpoints;

/// <summary>
/// The two Kestrel endpoints every service has: <c>http</c> (HTTP/1.1: health, REST) and <c>grpc</c> (cleartext HTTP/2
/// with prior knowledge). Their URLs come from <c>Kestrel__Endpoints__{http,grpc}__Url</c>, which Kestrel reads itself;
/// this only fills in the protocols when the configuration leaves them out.
/// </summary>
public static class ServiceEndpoints
{
    public const string Http = "http";
    public const string Grpc = "grpc";

    internal static void ConfigureServiceEndpoints(this IHostApplicationBuilder builder)
    {
        var defaults = new Dictionary<string, string?>();
        foreach (var (endpoint, protocols) in new[] { (Http, "Http1"), (Grpc, "Http2") })
        {
            if (builder.Configuration[$"Kestrel:Endpoints:{endpoint}:Url"] is not null &&
                builder.Configuration[$"Kestrel:Endpoints:{endpoint}:Protocols"] is null)
                defaults[$"Kestrel:Endpoints:{endpoint}:Protocols"] = protocols;
        }
        if (defaults.Count > 0) builder.Configuration.AddInMemoryCollection(defaults);
    }

    /// <summary>The port of this service's own endpoint, when its URL names one (null for none or port 0).</summary>
    public static int? LocalPort(IConfiguration configuration, string endpoint)
    {
        var url = configuration[$"Kestrel:Endpoints:{endpoint}:Url"];
        if (string.IsNullOrEmpty(url)) return null;
        // Kestrel accepts wildcard hosts that Uri does not.
        var parsable = url.Replace("://*", "://localhost").Replace("://+", "://localhost");
        return Uri.TryCreate(parsable, UriKind.Absolute, out var uri) && uri.Port > 0 ? uri.Port : null;
    }
}
