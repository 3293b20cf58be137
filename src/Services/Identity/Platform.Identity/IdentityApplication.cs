using Platform.EventStore.Audit;
using Platform.Grpc;
using Platform.Identity.DevelopmentIssuer;
using Platform.Identity.Grpc;

namespace Platform.Identity;

/// <summary>The Identity service's entry point, callable from tests (which pass configuration in <c>configure</c>).</summary>
public static class IdentityApplication
{
    public static WebApplication Create(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var app = PlatformApplication.Build(args, configure, builder => builder.AddApplicationServices());
        app.MapGrpcService<OrganizationsService>();
        app.MapGrpcService<AuditService>();
        // Not mapped at all unless enabled: callers then get UNIMPLEMENTED.
        if (app.Configuration.GetValue<bool>(DevelopmentIssuerOptions.EnabledKey))
        {
            app.MapGrpcService<DevelopmentIssuerService>();
            Log.DevelopmentIssuerEnabled(app.Logger);
        }
        return app;
    }
}
