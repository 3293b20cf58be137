using Grpc.Health.V1;
using Microsoft.Extensions.Options;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace Platform.Grpc;

/// <summary><c>grpc.health.v1.Health</c>, bound like any other service.</summary>
[GrpcService(typeof(HealthReflection), "grpc.health.v1.Health")]
internal sealed class HealthService(GrpcHealth health, IOptions<GrpcServerOptions> options, TimeProvider timeProvider)
{
    public async Task<HealthCheckResponse> Check(HealthCheckRequest request, ServerCallContext context)
    {
        var status = await health.EvaluateAsync(request.Service, context.CancellationToken).ConfigureAwait(false)
            ?? throw new RpcException(StatusCode.NotFound, $"Unknown service '{request.Service}'.");
        return new HealthCheckResponse { Status = status };
    }

    public async Task Watch(HealthCheckRequest request, IServerStreamWriter<HealthCheckResponse> responses, ServerCallContext context)
    {
        var cancellationToken = context.CancellationToken;
        ServingStatus? last = null;
        while (!cancellationToken.IsCancellationRequested)
        {
            var changed = health.Changed;
            var status = await health.EvaluateAsync(request.Service, cancellationToken).ConfigureAwait(false) ?? ServingStatus.ServiceUnknown;
            if (status != last)
            {
                await responses.WriteAsync(new HealthCheckResponse { Status = status }, cancellationToken).ConfigureAwait(false);
                last = status;
            }
            // Overrides signal at once; health checks are polled.
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            await Task.WhenAny(changed, Task.Delay(options.Value.HealthWatchInterval, timeProvider, wait.Token)).ConfigureAwait(false);
            await wait.CancelAsync().ConfigureAwait(false);
        }
    }
}
