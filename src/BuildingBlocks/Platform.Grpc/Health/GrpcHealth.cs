using System.Collections.Concurrent;
using Grpc.Health.V1;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace Platform.Grpc;

/// <summary>
/// The serving status reported by <c>grpc.health.v1.Health</c>. The empty service name counts every ASP.NET Core
/// health check; a mapped service counts the checks tagged with its full name plus the untagged ones. An override set
/// here wins over the checks (for example to drain a service), and Watch streams see it at once.
/// </summary>
public sealed class GrpcHealth
{
    private readonly HealthCheckService _checks;
    private readonly GrpcServiceRegistry _registry;
    private readonly ConcurrentDictionary<string, bool> _overrides = new();
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool _stopping;

    internal GrpcHealth(HealthCheckService checks, GrpcServiceRegistry registry)
    {
        _checks = checks;
        _registry = registry;
        registry.Changed += Signal;
    }

    /// <summary>Reports <paramref name="service"/> as SERVING or NOT_SERVING regardless of the health checks; also makes an unmapped name known.</summary>
    public void SetServingStatus(string service, bool serving)
    {
        _overrides[service] = serving;
        Signal();
    }

    /// <summary>Goes back to the health checks for <paramref name="service"/>.</summary>
    public void ClearServingStatus(string service)
    {
        _overrides.TryRemove(service, out _);
        Signal();
    }

    internal Task Changed => Volatile.Read(ref _changed).Task;

    // At shutdown every service reports NOT_SERVING, so load balancers stop sending calls before the listener closes.
    internal void MarkStopping()
    {
        _stopping = true;
        Signal();
    }

    /// <summary>The status of <paramref name="service"/>, or null when the name is unknown.</summary>
    internal async Task<ServingStatus?> EvaluateAsync(string service, CancellationToken cancellationToken)
    {
        if (service.Length > 0 && !_registry.Contains(service) && !_overrides.ContainsKey(service)) return null;
        if (_stopping) return ServingStatus.NotServing;
        if (_overrides.TryGetValue(service, out var serving)) return serving ? ServingStatus.Serving : ServingStatus.NotServing;
        var report = await _checks.CheckHealthAsync(r => Applies(r, service), cancellationToken).ConfigureAwait(false);
        return report.Status == HealthStatus.Unhealthy ? ServingStatus.NotServing : ServingStatus.Serving;
    }

    private bool Applies(HealthCheckRegistration registration, string service) =>
        service.Length == 0 || registration.Tags.Contains(service) || !registration.Tags.Any(_registry.Contains);

    private void Signal() => Interlocked.Exchange(ref _changed, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
}
