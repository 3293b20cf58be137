using System.Reflection;
using Google.Protobuf.Reflection;

namespace Platform.Grpc;

/// <summary>
/// Matches an implementation class to its proto service. Every proto method needs exactly one public method of
/// the right kind and message types, and every public method that looks like a handler needs a proto method;
/// otherwise mapping throws, naming each problem, so the application does not start.
/// </summary>
internal static class ServiceBinder
{
    public static (ServiceDescriptor Service, List<(MethodDescriptor Proto, MethodInfo Handler)> Methods) Bind(Type implementation)
    {
        var attribute = implementation.GetCustomAttribute<GrpcServiceAttribute>()
            ?? throw new InvalidOperationException(
                $"{implementation.Name} has no [GrpcService(typeof(XxxReflection), \"package.Service\")] attribute naming the proto service it implements.");
        var service = attribute.Resolve(implementation);
        var candidates = implementation.GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .Where(m => m.DeclaringType != typeof(object) && m.GetParameters().Any(p => p.ParameterType == typeof(ServerCallContext)))
            .ToList();
        var problems = new List<string>();
        var bound = new List<(MethodDescriptor, MethodInfo)>();
        foreach (var method in service.Methods)
        {
            var signature = HandlerSignature.For(method);
            var expected = $"{signature.Describe(method.Name)} ({HandlerSignature.Kind(method)})";
            var named = candidates.Where(c => c.Name == method.Name).ToList();
            if (named.Count == 0)
                problems.Add($"{service.FullName}/{method.Name}: {implementation.Name} has no handler; expected {expected}.");
            else if (named.Count > 1)
                problems.Add($"{service.FullName}/{method.Name}: {implementation.Name} has {named.Count} overloads; expected exactly one {expected}.");
            else if (!signature.Matches(named[0]))
                problems.Add($"{service.FullName}/{method.Name}: {implementation.Name} declares {HandlerSignature.Describe(named[0])}; expected {expected}.");
            else
                bound.Add((method, named[0]));
        }
        foreach (var stray in candidates.Where(c => service.FindMethodByName(c.Name) is null))
            problems.Add($"{service.FullName}: {implementation.Name}.{stray.Name} looks like a gRPC handler but the proto service has no method '{stray.Name}'.");
        if (problems.Count > 0)
            throw new InvalidOperationException(
                $"Cannot bind {implementation.FullName} to gRPC service {service.FullName}:{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", problems));
        return (service, bound);
    }
}
