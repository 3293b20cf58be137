using System.Collections.Frozen;
using Google.Protobuf.Reflection;

namespace Platform.Grpc.Reflection;

/// <summary>
/// Every file descriptor reachable from the mapped services (well-known types included), by file name and by the
/// fully qualified symbols they declare. Rebuilt when a service is mapped; reads are lock-free.
/// </summary>
internal sealed class ReflectionIndex
{
    private readonly GrpcServiceRegistry _registry;
    private Snapshot? _snapshot;

    public ReflectionIndex(GrpcServiceRegistry registry)
    {
        _registry = registry;
        registry.Changed += () => _snapshot = null;
    }

    public IReadOnlyList<string> ServiceNames => Current.ServiceNames;

    public FileDescriptor? FindFile(string name) => Current.Files.GetValueOrDefault(name);

    public FileDescriptor? FindSymbol(string symbol) => Current.Symbols.GetValueOrDefault(symbol);

    public bool IsMessage(string name) => Current.Messages.Contains(name);

    private Snapshot Current => _snapshot ??= Build(_registry.Services);

    private sealed record Snapshot(string[] ServiceNames, FrozenDictionary<string, FileDescriptor> Files,
        FrozenDictionary<string, FileDescriptor> Symbols, FrozenSet<string> Messages);

    private static Snapshot Build(IReadOnlyList<ServiceDescriptor> services)
    {
        var files = new Dictionary<string, FileDescriptor>();
        foreach (var service in services) AddWithDependencies(service.File, files);
        var symbols = new Dictionary<string, FileDescriptor>();
        var messages = new HashSet<string>();
        foreach (var file in files.Values)
        {
            foreach (var service in file.Services)
            {
                symbols[service.FullName] = file;
                foreach (var method in service.Methods) symbols[$"{service.FullName}.{method.Name}"] = file;
            }
            foreach (var message in file.MessageTypes) AddMessage(message, file, symbols, messages);
            foreach (var enumType in file.EnumTypes) symbols[enumType.FullName] = file;
        }
        return new Snapshot(services.Select(s => s.FullName).ToArray(), files.ToFrozenDictionary(), symbols.ToFrozenDictionary(), messages.ToFrozenSet());
    }

    private static void AddWithDependencies(FileDescriptor file, Dictionary<string, FileDescriptor> files)
    {
        if (!files.TryAdd(file.Name, file)) return;
        foreach (var dependency in file.Dependencies) AddWithDependencies(dependency, files);
    }

    private static void AddMessage(MessageDescriptor message, FileDescriptor file, Dictionary<string, FileDescriptor> symbols, HashSet<string> messages)
    {
        symbols[message.FullName] = file;
        messages.Add(message.FullName);
        foreach (var nested in message.NestedTypes) AddMessage(nested, file, symbols, messages);
        foreach (var enumType in message.EnumTypes) symbols[enumType.FullName] = file;
    }
}
