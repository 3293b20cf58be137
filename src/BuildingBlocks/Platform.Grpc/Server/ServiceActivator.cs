using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Platform.Grpc;

/// <summary>
/// Gets the implementation for one call: from DI when it is registered there (DI then owns its lifetime),
/// otherwise created per call with constructor injection from the request scope and disposed after it.
/// </summary>
internal sealed class ServiceActivator<TService>(bool registered) where TService : class
{
    private static readonly ObjectFactory<TService> Factory = ActivatorUtilities.CreateFactory<TService>([]);

    // A class whose only constructor takes nothing needs no request scope; asking HttpContext.RequestServices for it
    // would create one per call (a feature, a scope and its dictionary, and a dispose when the request ends) for nothing.
    private static readonly bool TakesNoServices = typeof(TService).GetConstructors() is [{ } only] && only.GetParameters().Length == 0;

    public TService Create(HttpContext http) => registered
        ? http.RequestServices.GetRequiredService<TService>()
        : Factory(TakesNoServices ? NoServices.Instance : http.RequestServices, null);

    public ValueTask ReleaseAsync(TService service)
    {
        if (registered) return ValueTask.CompletedTask;
        if (service is IAsyncDisposable asyncDisposable) return asyncDisposable.DisposeAsync();
        (service as IDisposable)?.Dispose();
        return ValueTask.CompletedTask;
    }
}

/// <summary>The provider given to the factory of a class that takes no services: it is never asked for one.</summary>
internal sealed class NoServices : IServiceProvider
{
    public static readonly NoServices Instance = new();

    public object? GetService(Type serviceType) => null;
}
