using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core.Features;
using Platform.Grpc.Telemetry;

namespace Platform.Grpc;

/// <summary>
/// The request pipeline shared by the four method kinds: protocol checks, deadline, authentication, the handler,
/// then exactly one status, whatever happened.
/// </summary>
internal abstract class ServerMethod(MethodNames names, GrpcServerRuntime runtime, bool streamsRequests)
{
    private static readonly Status DeadlineStatus = new(StatusCode.DeadlineExceeded, "Deadline exceeded.");
    private static readonly Status CancelledStatus = new(StatusCode.Cancelled, "The client cancelled the call.");

    public MethodNames Names => names;

    protected GrpcServerRuntime Runtime => runtime;

    public async Task HandleAsync(HttpContext http)
    {
        if (!ProtocolGuard.Accept(http, runtime.Logger)) return;
        // The clock is read only for a listener of rpc.server.duration (0: no duration is recorded).
        var start = RpcInstrumentation.ServerDurationEnabled ? Stopwatch.GetTimestamp() : 0;
        var activity = TraceContext.StartServer(http, names);
        RelaxBodyLimits(http);
        var call = new ServerCallContext(http, names, runtime);
        Status status;
        Metadata? errorTrailers = null;
        try
        {
            call.Initialize();
            await BearerAuthentication.AuthenticateAsync(http, call).ConfigureAwait(false);
            if (call.DeadlineExceeded) throw new OperationCanceledException(call.CancellationToken);
            await InvokeAsync(http, call).ConfigureAwait(false);
            status = call.DeadlineExceeded ? DeadlineStatus : call.ClientCancelled ? CancelledStatus : Status.Ok;
        }
        catch (Exception exception)
        {
            (status, errorTrailers) = Fail(call, exception);
        }
        try
        {
            call.Complete(status, errorTrailers);
        }
        finally
        {
            call.Release();
            RpcInstrumentation.Stop(activity, status.StatusCode, server: true);
            RpcInstrumentation.RecordServer(names, status.StatusCode, start);
        }
    }

    protected abstract Task InvokeAsync(HttpContext http, ServerCallContext call);

    private (Status, Metadata?) Fail(ServerCallContext call, Exception exception)
    {
        if (call.ClientCancelled)
        {
            ServerLog.CallCancelled(runtime.Logger, names.Path);
            return (CancelledStatus, null);
        }
        if (call.DeadlineExceeded)
        {
            ServerLog.DeadlineExceeded(runtime.Logger, names.Path);
            return (DeadlineStatus, null);
        }
        var rpc = runtime.Exceptions.Map(exception, out var unexpected);
        if (unexpected) ServerLog.UnhandledException(runtime.Logger, names.Path, exception);
        else ServerLog.CallFailed(runtime.Logger, names.Path, rpc.StatusCode, rpc.Status.Detail);
        return (rpc.Status, rpc.Trailers.Count == 0 ? null : rpc.Trailers);
    }

    private void RelaxBodyLimits(HttpContext http)
    {
        // The features by Type rather than Features.Get<T>(): a generic interface method costs a runtime lookup per call.
        var features = http.Features;
        // A gRPC body is a stream of messages, each under our own limit; Kestrel's whole-body limit does not apply.
        if (features[typeof(IHttpMaxRequestBodySizeFeature)] is IHttpMaxRequestBodySizeFeature { IsReadOnly: false } size) size.MaxRequestBodySize = null;
        // A streaming client may rightly stay silent for a long time.
        if (streamsRequests && features[typeof(IHttpMinRequestBodyDataRateFeature)] is IHttpMinRequestBodyDataRateFeature rate) rate.MinDataRate = null;
    }
}
