using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing.Matching;
using Microsoft.Extensions.DependencyInjection;
using Platform.Grpc.Tests.Echo;
using Platform.Grpc.Tests.Support;

namespace Platform.Grpc.Tests;

/// <summary>
/// The UNIMPLEMENTED fallback (<c>/{service}/{method}</c>) is a routing candidate only where no mapped gRPC method
/// matches: a call to a mapped method does not pay for the fallback's route values.
/// </summary>
public sealed class RoutingTests
{
    [Fact]
    public async Task A_mapped_method_is_the_only_candidate_and_the_fallback_still_answers_elsewhere()
    {
        var selector = new RecordingSelector();
        await using var server = await TestServer.StartAsync(
            services: s => s.AddSingleton<EndpointSelector>(selector),
            map: app => app.MapPost("/plain/echo", () => "plain"));
        using var raw = new RawGrpc(server.Address);

        var mapped = await raw.SendAsync("/platform.test.v1.Echo/Unary", [RawGrpc.Frame(new EchoRequest { Text = "hi" })]);
        var unknown = await raw.SendAsync("/platform.test.v1.Echo/Nope", [RawGrpc.Frame(new EchoRequest())]);
        await raw.SendAsync("/plain/echo", [[]], contentType: "text/plain");

        Assert.Equal("0", mapped.Trailers.GetValues("grpc-status").Single());
        Assert.Equal(StatusCode.Unimplemented, unknown.GrpcStatus);
        Assert.Equal(["gRPC /platform.test.v1.Echo/Unary"], selector.Candidates["/platform.test.v1.Echo/Unary"]);
        Assert.Equal(["gRPC unimplemented"], selector.Candidates["/platform.test.v1.Echo/Nope"]);
        // Other applications' routes keep the fallback as a candidate, as ASP.NET Core's precedence decides there.
        Assert.Contains("gRPC unimplemented", selector.Candidates["/plain/echo"]);
    }

    /// <summary>Picks the valid candidate with the lowest score (as the default selector does) and records the candidates.</summary>
    private sealed class RecordingSelector : EndpointSelector
    {
        public Dictionary<string, string[]> Candidates { get; } = [];

        public override Task SelectAsync(HttpContext httpContext, CandidateSet candidates)
        {
            var names = new List<string>();
            var best = -1;
            for (var i = 0; i < candidates.Count; i++)
            {
                names.Add(candidates[i].Endpoint.DisplayName ?? "?");
                if (candidates.IsValidCandidate(i) && (best < 0 || candidates[i].Score < candidates[best].Score)) best = i;
            }
            lock (Candidates) Candidates[httpContext.Request.Path.Value!] = [.. names];
            if (best >= 0)
            {
                httpContext.SetEndpoint(candidates[best].Endpoint);
                httpContext.Request.RouteValues = candidates[best].Values!;
            }
            return Task.CompletedTask;
        }
    }
}
