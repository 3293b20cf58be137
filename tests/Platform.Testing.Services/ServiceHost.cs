using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Platform.Authentication.Tokens;
using Platform.Grpc;
using Platform.Hosting.Local;
using Xunit;

namespace Platform.Testing.Services;

/// <summary>
/// One platform service running in the test process as the AppHost runs it (its <c>XxxApplication.Create</c>), on
/// free ports, with its logs captured and a channel to its gRPC endpoint.
/// </summary>
public sealed class ServiceHost : IAsyncDisposable
{
    private readonly Lazy<DevelopmentTokenIssuer> _tokens;

    private ServiceHost(WebApplication app, string grpcAddress, LogCapture logs)
    {
        App = app;
        GrpcAddress = grpcAddress;
        Logs = logs;
        Channel = GrpcChannel.ForAddress(grpcAddress);
        // Test tokens are minted on real time: a manual clock may be days ahead, and JWT lifetimes are checked on real time.
        _tokens = new(() => new DevelopmentTokenIssuer(app.Services.GetRequiredService<IOptions<JwtSettings>>(), TimeProvider.System));
    }

    public WebApplication App { get; }
    public string GrpcAddress { get; }
    public LogCapture Logs { get; }
    public GrpcChannel Channel { get; }
    public IServiceProvider Services => App.Services;

    /// <summary>Signs user and service tokens this service (and every service sharing its signing key) accepts.</summary>
    public DevelopmentTokenIssuer Tokens => _tokens.Value;

    /// <summary>
    /// Creates the service through <paramref name="create"/> (e.g. <c>b =&gt; KeysApplication.Create([], b)</c>) with the
    /// configuration the AppHost would give it, then <paramref name="settings"/>, then <paramref name="configure"/>; starts it.
    /// </summary>
    public static async Task<ServiceHost> StartAsync(Func<Action<WebApplicationBuilder>, WebApplication> create, string service,
        string database, string broker, string issuer, string signingKey, IReadOnlyDictionary<string, string?>? settings = null,
        Action<WebApplicationBuilder>? configure = null)
    {
        var (http, grpc) = (FreePort.Next(), FreePort.Next());
        var logs = new LogCapture();
        var app = create(builder =>
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddProvider(logs).SetMinimumLevel(LogLevel.Debug);
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                [$"ConnectionStrings:{service}db"] = database,
                ["ConnectionStrings:messaging"] = broker,
                ["OTEL_SERVICE_NAME"] = service,
                ["Kestrel:Endpoints:http:Url"] = $"http://127.0.0.1:{http}",
                ["Kestrel:Endpoints:grpc:Url"] = $"http://127.0.0.1:{grpc}",
                ["Authentication:Jwt:Issuer"] = issuer,
                ["Authentication:Jwt:SigningKey"] = signingKey,
            });
            if (settings is not null) builder.Configuration.AddInMemoryCollection(settings);
            configure?.Invoke(builder);
        });
        await app.StartAsync(TestContext.Current.CancellationToken);
        return new ServiceHost(app, $"http://127.0.0.1:{grpc}", logs);
    }

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        await App.StopAsync(CancellationToken.None);
        await App.DisposeAsync();
    }
}
