using System.Diagnostics;
using Platform.Grpc.Tests.Echo;
using Platform.Grpc.Tests.Support;

namespace Platform.Grpc.Tests;

/// <summary>The bearer credential reaches handlers as a principal, and never a log line, an error or a tag.</summary>
public sealed class AuthenticationTests(ServerFixture fixture)
{
    private static CallOptions Bearer(string token) => new() { Credentials = _ => ValueTask.FromResult(token) };

    [Fact]
    public async Task Without_a_credential_the_handler_sees_an_anonymous_principal()
    {
        var reply = await fixture.Client.UnaryAsync(new EchoRequest());

        Assert.Equal("", reply.User);
    }

    [Fact]
    public async Task The_first_authenticator_that_accepts_the_credential_wins()
    {
        Assert.Equal("alice", (await fixture.Client.UnaryAsync(new EchoRequest(), Bearer("good-token"))).User);
        Assert.Equal("bob", (await fixture.Client.UnaryAsync(new EchoRequest(), Bearer("second-token"))).User);
    }

    [Fact]
    public async Task A_credential_nobody_accepts_is_UNAUTHENTICATED_before_the_handler_runs()
    {
        // The handler would answer NOT_FOUND if it ran.
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            fixture.Client.UnaryAsync(new EchoRequest { Behavior = "notfound" }, Bearer("tok-SECRET-4711")));

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
        Assert.DoesNotContain("tok-SECRET-4711", error.ToString());
        Assert.DoesNotContain(fixture.Server.Logs.Lines, l => l.Contains("tok-SECRET-4711"));
    }

    [Fact]
    public async Task A_scheme_other_than_Bearer_is_UNAUTHENTICATED()
    {
        var headers = new Metadata().Add("authorization", "Basic YWxpY2U6cGFzcw==");

        var error = await Assert.ThrowsAsync<RpcException>(() => fixture.Client.UnaryAsync(new EchoRequest(), new CallOptions { Headers = headers }));

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
    }

    [Fact]
    public async Task Channel_credentials_apply_to_every_call_and_call_credentials_override_them()
    {
        using var channel = fixture.Server.CreateChannel(new GrpcChannelOptions { Credentials = _ => ValueTask.FromResult("second-token") });
        var client = new EchoClient(channel);

        Assert.Equal("bob", (await client.UnaryAsync(new EchoRequest())).User);
        Assert.Equal("alice", (await client.UnaryAsync(new EchoRequest(), Bearer("good-token"))).User);
    }

    [Fact]
    public async Task The_credential_is_not_handed_to_the_handler_as_metadata_nor_put_on_activities()
    {
        var tags = new List<string>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == GrpcTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a => { lock (tags) tags.AddRange(a.TagObjects.Select(t => $"{t.Key}={t.Value}")); },
        };
        ActivitySource.AddActivityListener(listener);

        var reply = await fixture.Client.UnaryAsync(new EchoRequest(), Bearer("good-token") with { Headers = new Metadata().Add("x-probe", "1") });

        Assert.Equal("alice", reply.User);
        Assert.DoesNotContain(reply.Metadata.Keys, k => k == "authorization");
        lock (tags) Assert.DoesNotContain(tags, t => t.Contains("good-token"));
    }
}
