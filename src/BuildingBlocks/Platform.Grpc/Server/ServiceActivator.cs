using Microsoft.Extensions.DependencyInjection;

namespace Platform.Grpc;

/// <summary>
/// Gets the implementation for one call: from DI when it is registered there (DI then owns its lifetime),
/// otherwise created per call with constructor injection from the request scope and disposed after it.
/// </summary>
internal sealed class ServiceActivator<TService>(bool registered) where TService : class
{
    private static readonly ObjectFactory<TService> Factory = ActivatorUtilities.CreateFactory<TService>([]);

    public TService Create(IServiceProvider services) =>
        registered ? services.GetRequiredService<TService>() : Factory(services, null);

    public ValueTask ReleaseAsync(TService service)
    {
        if (registered) return ValueTask.CompletedTask;
        if (service is IAsyncDisposable asyncDisposable) return asyncDisposable.DisposeAsync();
        (service as IDisposable)?.Dispose();
        return ValueTask.CompletedTask;
    }
}
