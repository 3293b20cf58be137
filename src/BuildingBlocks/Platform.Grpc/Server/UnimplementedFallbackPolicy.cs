using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Matching;

namespace Platform.Grpc;

/// <summary>
/// Takes the UNIMPLEMENTED fallback route out of the routing states where a mapped gRPC method matches, when the
/// routing table is built.
/// </summary>
/// <remarks>
/// <c>/{service}/{method}</c> matches every gRPC path, so each call had two candidates. The fallback never wins there
/// (it has the lowest order), but as a candidate it made every call build its route values (two substrings of the
/// path and a dictionary, ~200 B) and go through routing's slow path. Alone, a mapped method is selected on routing's
/// fast path with nothing allocated. It runs after the built-in policies (HTTP method, host, content type): where they
/// set the mapped method aside, the fallback stays, as before.
/// </remarks>
internal sealed class UnimplementedFallbackPolicy : MatcherPolicy, INodeBuilderPolicy
{
    private static readonly object Edge = new();

    public override int Order => 10_000;

    public bool AppliesToEndpoints(IReadOnlyList<Endpoint> endpoints) =>
        !ContainsDynamicEndpoints(endpoints) && endpoints.Any(IsFallback) && endpoints.Any(IsMethod);

    public IReadOnlyList<PolicyNodeEdge> GetEdges(IReadOnlyList<Endpoint> endpoints) =>
        [new PolicyNodeEdge(Edge, endpoints.Where(e => !IsFallback(e)).ToArray())];

    public PolicyJumpTable BuildJumpTable(int exitDestination, IReadOnlyList<PolicyJumpTableEdge> edges) => new OneWay(edges[0].Destination);

    private static bool IsFallback(Endpoint endpoint) => endpoint.Metadata.GetMetadata<GrpcRouteMetadata>() == GrpcRouteMetadata.Unimplemented;

    private static bool IsMethod(Endpoint endpoint) => endpoint.Metadata.GetMetadata<GrpcRouteMetadata>() == GrpcRouteMetadata.Method;

    private sealed class OneWay(int destination) : PolicyJumpTable
    {
        public override int GetDestination(HttpContext httpContext) => destination;
    }
}
