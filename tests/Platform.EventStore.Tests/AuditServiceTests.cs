using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Platform.Audit.V1;
using Platform.Authentication;
using Platform.Authentication.Tokens;
using Platform.EventStore.Audit;
using Platform.Grpc;
using Platform.Hosting.Local;
using Platform.Testing;

namespace Platform.EventStore.Tests;

/// <summary>The Audit service over real gRPC with real JWTs: what an auditor's tool sees.</summary>
public sealed class AuditServiceTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_auditor_reads_and_verifies_a_stream_over_grpc_and_others_are_refused()
    {
        await using var server = await AuditServer.StartAsync(database.ConnectionString);
        var store = server.App.Services.GetRequiredService<IEventStore>();
        var key = Guid.CreateVersion7();
        await store.AppendAsync($"key-{key}", "key", ExpectedVersion.NoStream, [new KeyCreated(key, "ci", 5m), new KeyRevoked(key, "leak")], null, Ct);
        var tokens = server.App.Services.GetRequiredService<DevelopmentTokenIssuer>();
        using var channel = GrpcChannel.ForAddress(server.Address);
        var audit = new AuditClient(channel);
        CallOptions As(string? role) => new()
        {
            CancellationToken = Ct,
            Credentials = _ => ValueTask.FromResult(tokens.IssueUserToken("u-1", "a@example.com", "A", true, role).AccessToken),
        };

        var read = await audit.ReadStreamAsync(new ReadStreamRequest { StreamId = $"key-{key}" }, As("auditor"));
        var verified = await audit.VerifyStreamAsync(new VerifyStreamRequest { StreamId = $"key-{key}" }, As("support"));
        var all = await audit.ReadAllAsync(new ReadAllRequest { StreamTypes = { "key" } }, As("auditor")).ToListAsync(Ct);
        var progress = await audit.VerifyAllAsync(new VerifyAllRequest(), As("auditor")).ToListAsync(Ct);

        Assert.Equal(["test.key-created", "test.key-revoked"], read.Events.Select(e => e.Type));
        Assert.True(verified.Valid);
        Assert.Equal(2, all.Count);
        Assert.True(progress[^1].Done);
        Assert.Empty(progress[^1].Breaks);
        var member = await Assert.ThrowsAsync<RpcException>(() => audit.ReadStreamAsync(new ReadStreamRequest { StreamId = $"key-{key}" }, As(null)));
        Assert.Equal(StatusCode.PermissionDenied, member.StatusCode);
        var anonymous = await Assert.ThrowsAsync<RpcException>(() => audit.ReadStreamAsync(new ReadStreamRequest { StreamId = $"key-{key}" }, new CallOptions { CancellationToken = Ct }));
        Assert.Equal(StatusCode.Unauthenticated, anonymous.StatusCode);
        var forged = await Assert.ThrowsAsync<RpcException>(() => audit.ReadStreamAsync(new ReadStreamRequest { StreamId = $"key-{key}" },
            new CallOptions { CancellationToken = Ct, Credentials = _ => ValueTask.FromResult("eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.") }));
        Assert.Equal(StatusCode.Unauthenticated, forged.StatusCode);
    }

    [Fact]
    public async Task Field_errors_reach_the_caller_as_invalid_argument_with_the_field()
    {
        await using var server = await AuditServer.StartAsync(database.ConnectionString);
        var token = server.App.Services.GetRequiredService<DevelopmentTokenIssuer>().IssueUserToken("u", "a@example.com", "A", true, "auditor").AccessToken;
        using var channel = GrpcChannel.ForAddress(server.Address);

        var error = await Assert.ThrowsAsync<RpcException>(() => new AuditClient(channel).ReadStreamAsync(new ReadStreamRequest { StreamId = "", PageSize = -1 },
            new CallOptions { CancellationToken = Ct, Credentials = _ => ValueTask.FromResult(token) }));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(["stream_id", "page_size"], error.GetFieldViolations().Select(v => v.Field));
    }

    /// <summary>A Kestrel host with the event store, the gRPC server, JWT authentication and the Audit service.</summary>
    private sealed class AuditServer(WebApplication app, string address) : IAsyncDisposable
    {
        public WebApplication App => app;
        public string Address => address;

        public static async Task<AuditServer> StartAsync(string connectionString)
        {
            var port = FreePort.Next();
            var builder = WebApplication.CreateBuilder();
            builder.Logging.ClearProviders();
            builder.Configuration["Authentication:Jwt:Issuer"] = "http://audit.test";
            builder.Configuration["Authentication:Jwt:SigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
            builder.WebHost.UseKestrel(k => k.ListenLocalhost(port, o => o.Protocols = HttpProtocols.Http2));
            builder.Services.AddEventStore(connectionString, o =>
            {
                o.Schema = "a" + Guid.NewGuid().ToString("N")[..12];
                o.Events.RegisterAssembly(typeof(AuditServiceTests).Assembly);
            });
            builder.Services.AddGrpcServer();
            builder.AddPlatformAuthentication();
            var app = builder.Build();
            app.MapGrpcService<AuditService>();
            await app.StartAsync(Ct);
            await app.Services.GetRequiredService<EventStoreSchema>().EnsureAsync();
            return new AuditServer(app, $"http://localhost:{port}");
        }

        public async ValueTask DisposeAsync()
        {
            await app.StopAsync(CancellationToken.None);
            await app.DisposeAsync();
        }
    }
}
