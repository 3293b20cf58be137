using Google.Protobuf.Reflection;

namespace Platform.Grpc;

/// <summary>The proto services mapped in this process; reflection lists them and health knows their names.</summary>
internal sealed class GrpcServiceRegistry
{
    private readonly List<ServiceDescriptor> _services = [];
    private readonly Lock _lock = new();

    public event Action? Changed;

    internal bool FallbackMapped { get; set; }

    public IReadOnlyList<ServiceDescriptor> Services
    {
        get
        {
            lock (_lock) return _services.ToArray();
        }
    }

    public bool Contains(string serviceName)
    {
        lock (_lock) return _services.Any(s => s.FullName == serviceName);
    }

    public void Add(ServiceDescriptor service)
    {
        lock (_lock)
        {
            if (_services.Any(s => s.FullName == service.FullName))
                throw new InvalidOperationException($"gRPC service {service.FullName} is mapped twice.");
            _services.Add(service);
        }
        Changed?.Invoke();
    }
}
