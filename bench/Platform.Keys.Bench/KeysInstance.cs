using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Platform.Hosting.Local;

namespace Platform.Keys.Bench;

/// <summary>A Keys instance in this process, as the AppHost would run it, on free ports.</summary>
public static class KeysInstance
{
    public static async Task<(WebApplication App, int GrpcPort)> StartAsync(string database, string broker, string signingKey)
    {
        var grpcPort = FreePort.Next();
        var app = KeysApplication.Create([], builder =>
        {
            builder.Logging.ClearProviders();
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ConnectionStrings:keysdb"] = database,
                ["ConnectionStrings:messaging"] = broker,
                ["OTEL_SERVICE_NAME"] = "keys",
                ["Kestrel:Endpoints:http:Url"] = $"http://127.0.0.1:{FreePort.Next()}",
                ["Kestrel:Endpoints:grpc:Url"] = $"http://127.0.0.1:{grpcPort}",
                ["Authentication:Jwt:Issuer"] = "http://bench.local",
                ["Authentication:Jwt:SigningKey"] = signingKey,
                // Keys are made with a management key's authority, which never asks Identity.
                ["services:identity:grpc:0"] = "http://127.0.0.1:9",
            });
        });
        await app.StartAsync();
        return (app, grpcPort);
    }
}
