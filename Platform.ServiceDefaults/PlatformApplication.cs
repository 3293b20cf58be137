using Microsoft.AspNetCore.Builder;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// The start-up every platform service's <c>XxxApplication.Create</c> shares, so the order is the same everywhere:
/// a test's or the AppHost's <c>configure</c> first (its configuration and services must be in place before the
/// defaults and the service read them), then the defaults, then the service's own services.
/// </summary>
public static class PlatformApplication
{
    /// <summary>Builds the application with the default endpoints mapped; the caller maps its gRPC services.</summary>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure,
        Action<WebApplicationBuilder> addApplicationServices)
    {
        var builder = WebApplication.CreateBuilder(args);
        configure?.Invoke(builder);
        builder.AddServiceDefaults();
        addApplicationServices(builder);

        var app = builder.Build();
        app.MapDefaultEndpoints();
        return app;
    }
}
