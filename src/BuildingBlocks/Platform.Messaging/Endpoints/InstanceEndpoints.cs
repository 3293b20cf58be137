using MassTransit;

namespace Platform.Messaging;

/// <summary>
/// Receive endpoints of one service instance alone, for consumers that keep in-process state (caches) honest: every
/// instance must see every message, which the shared competing-consumer queue of a service would not give it.
/// </summary>
public static class InstanceEndpoints
{
    /// <summary>
    /// Gives the endpoint a queue named <paramref name="name"/> plus an id new for each call (so several instances in
    /// one process, as tests run them, get queues of their own), deleted by the broker when the instance stops.
    /// </summary>
    public static IEndpointRegistrationConfigurator OfThisInstance(this IEndpointRegistrationConfigurator endpoint, string name)
    {
        endpoint.Name = $"{name}-{Guid.NewGuid().ToString("N")[..12]}";
        endpoint.Temporary = true;
        return endpoint;
    }
}
