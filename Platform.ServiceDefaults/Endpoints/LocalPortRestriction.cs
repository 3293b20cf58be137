using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Platform.ServiceDefaults.Endpoints;

internal static class LocalPortRestriction
{
    /// <summary>
    /// Answers 404 unless the request came in on <paramref name="port"/> (the connection's local port, which a
    /// client cannot forge the way it can a Host header). Null leaves the endpoint open on every port.
    /// </summary>
    public static TBuilder RequireLocalPort<TBuilder>(this TBuilder builder, int? port) where TBuilder : IEndpointConventionBuilder
    {
        if (port is null) return builder;
        builder.Add(endpoint =>
        {
            var inner = endpoint.RequestDelegate!;
            endpoint.RequestDelegate = context =>
            {
                if (context.Connection.LocalPort == port) return inner(context);
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            };
        });
        return builder;
    }

    /// <summary>Keeps an endpoint's requests out of exported traces: probes every few seconds are noise.</summary>
    public static TBuilder WithoutTraces<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        builder.Add(endpoint =>
        {
            var inner = endpoint.RequestDelegate!;
            endpoint.RequestDelegate = context =>
            {
                if (Activity.Current is { } activity) activity.ActivityTraceFlags &= ~ActivityTraceFlags.Recorded;
                return inner(context);
            };
        });
        return builder;
    }
}
