using Microsoft.Extensions.DependencyInjection;
using Platform.Grpc.Tests.Echo;
using Platform.Grpc.Tests.Support;
using Platform.Testing;

namespace Platform.Grpc.Tests;

/// <summary>
/// How a service not registered in DI is created per call: a class without constructor parameters gets no request
/// scope of its own, yet its handler still reaches the request's services; and what the call context reports.
/// </summary>
public sealed class ActivationTests
{
    [Fact]
    public async Task A_service_without_dependencies_is_new_per_call_disposed_after_it_and_still_reaches_the_request_scope()
    {
        await using var server = await StartNoDependenciesAsync();
        using var channel = server.CreateChannel();
        var client = new EchoClient(channel);
        var tally = server.Services.GetRequiredService<Tally>();

        var first = await client.UnaryAsync(new EchoRequest());
        var second = await client.UnaryAsync(new EchoRequest());

        Assert.NotEqual(first.Text, second.Text);
        Assert.Equal([first.Text, second.Text], tally.DisposedServices);
        // The request scope the handler asked for is its own and ends with the request.
        Assert.NotEqual(first.Server, second.Server);
        await Eventually.HoldsAsync(() => { lock (tally) return tally.DisposedScoped.Count == 2; }, "both request scopes disposed");
        Assert.Equal(new[] { first.Server, second.Server }.Order(), tally.DisposedScoped.Order());
    }

    [Fact]
    public async Task The_handler_sees_the_callers_deadline_and_MaxValue_without_one()
    {
        await using var server = await StartNoDependenciesAsync();
        using var channel = server.CreateChannel();
        var client = new EchoClient(channel);
        var deadline = DateTime.UtcNow.AddMinutes(10);

        var with = await client.UnaryAsync(new EchoRequest { Behavior = "deadline" }, new CallOptions { Deadline = deadline });
        var without = await client.UnaryAsync(new EchoRequest { Behavior = "deadline" });

        // grpc-timeout carries the remaining time, not the instant: the server's deadline is close to the caller's.
        var seen = new DateTime(long.Parse(with.Text), DateTimeKind.Utc);
        Assert.InRange(seen, deadline.AddMinutes(-1), deadline.AddMinutes(1));
        Assert.Equal(DateTime.MaxValue.Ticks.ToString(), without.Text);
    }

    private static Task<TestServer> StartNoDependenciesAsync() => TestServer.StartAsync(mapEcho: false,
        services: s => s.AddSingleton<Tally>().AddScoped<ScopedProbe>(),
        map: app => app.MapGrpcService<NoDependencies>());

    public sealed class Tally
    {
        public List<string> DisposedServices { get; } = [];

        public List<string> DisposedScoped { get; } = [];
    }

    public sealed class ScopedProbe(Tally tally) : IDisposable
    {
        public string Id { get; } = Guid.NewGuid().ToString();

        public void Dispose()
        {
            lock (tally) tally.DisposedScoped.Add(Id);
        }
    }

    [GrpcService(typeof(EchoReflection), "platform.test.v1.Echo")]
    public sealed class NoDependencies : IDisposable
    {
        private readonly string _id = Guid.NewGuid().ToString();
        private Tally? _tally;

        public Task<EchoReply> Unary(EchoRequest request, ServerCallContext context)
        {
            if (request.Behavior == "deadline") return Task.FromResult(new EchoReply { Text = context.Deadline.Ticks.ToString() });
            var services = context.GetHttpContext().RequestServices;
            _tally = services.GetRequiredService<Tally>();
            return Task.FromResult(new EchoReply { Text = _id, Server = services.GetRequiredService<ScopedProbe>().Id });
        }

        public Task ServerStream(EchoRequest request, IServerStreamWriter<EchoReply> responses, ServerCallContext context) => Task.CompletedTask;

        public Task<EchoReply> ClientStream(IAsyncStreamReader<EchoRequest> requests, ServerCallContext context) => Task.FromResult(new EchoReply());

        public Task Bidi(IAsyncStreamReader<EchoRequest> requests, IServerStreamWriter<EchoReply> responses, ServerCallContext context) => Task.CompletedTask;

        public void Dispose()
        {
            if (_tally is { } tally) lock (tally) tally.DisposedServices.Add(_id);
        }
    }
}
