using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Platform.Grpc.Framing;

namespace Platform.Grpc.Telemetry;

/// <summary>W3C trace context in gRPC metadata (<c>traceparent</c>, <c>tracestate</c>), so a trace crosses services.</summary>
internal static class TraceContext
{
    public static Activity? StartServer(HttpContext http, MethodNames method)
    {
        if (!RpcInstrumentation.Source.HasListeners()) return null;
        ActivityContext parent = default;
        // ASP.NET Core's own request activity already carries the remote parent when it exists.
        if (Activity.Current is null)
        {
            var headers = http.Request.Headers;
            ActivityContext.TryParse(headers[GrpcHeaders.TraceParent].ToString(), headers[GrpcHeaders.TraceState].ToString(), isRemote: true, out parent);
        }
        var activity = RpcInstrumentation.Source.StartActivity(method.ActivityName, ActivityKind.Server, parent);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(RpcInstrumentation.RpcSystem, RpcInstrumentation.Grpc);
            activity.SetTag(RpcInstrumentation.RpcService, method.Service);
            activity.SetTag(RpcInstrumentation.RpcMethod, method.Method);
        }
        return activity;
    }

    public static Activity? StartClient(MethodNames method, Uri address)
    {
        if (!RpcInstrumentation.Source.HasListeners()) return null;
        var activity = RpcInstrumentation.Source.StartActivity(method.ActivityName, ActivityKind.Client);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(RpcInstrumentation.RpcSystem, RpcInstrumentation.Grpc);
            activity.SetTag(RpcInstrumentation.RpcService, method.Service);
            activity.SetTag(RpcInstrumentation.RpcMethod, method.Method);
            activity.SetTag(RpcInstrumentation.ServerAddress, address.Host);
            activity.SetTag(RpcInstrumentation.ServerPort, address.Port);
        }
        return activity;
    }

    /// <summary>Adds traceparent/tracestate of the client activity, or of the ambient one when nobody listens to ours.</summary>
    public static void Inject(HttpRequestMessage request, Activity? activity)
    {
        activity ??= Activity.Current;
        if (activity is null || activity.IdFormat != ActivityIdFormat.W3C || activity.Id is null) return;
        request.Headers.TryAddWithoutValidation(GrpcHeaders.TraceParent, activity.Id);
        if (!string.IsNullOrEmpty(activity.TraceStateString))
            request.Headers.TryAddWithoutValidation(GrpcHeaders.TraceState, activity.TraceStateString);
    }
}
