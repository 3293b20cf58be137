using System.Reflection;
using Google.Protobuf.Reflection;

namespace Platform.Grpc;

/// <summary>
/// Declares which proto service a class implements:
/// <c>[GrpcService(typeof(KeysReflection), "platform.keys.v1.Keys")]</c>, where <c>KeysReflection</c> is the class
/// protoc generated for the .proto file (it has a static <c>Descriptor</c>).
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class GrpcServiceAttribute(Type descriptorSource, string serviceName) : Attribute
{
    public Type DescriptorSource { get; } = descriptorSource;

    /// <summary>The fully qualified proto service name, <c>package.Service</c>.</summary>
    public string ServiceName { get; } = serviceName;

    internal ServiceDescriptor Resolve(Type implementation)
    {
        var property = DescriptorSource.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static);
        if (property?.GetValue(null) is not FileDescriptor file)
            throw new InvalidOperationException(
                $"{implementation.Name}: {DescriptorSource.Name} is not a protoc-generated reflection class (no static FileDescriptor Descriptor).");
        return file.Services.FirstOrDefault(s => s.FullName == ServiceName)
            ?? throw new InvalidOperationException(
                $"{implementation.Name}: {file.Name} declares no service '{ServiceName}'. It declares: {string.Join(", ", file.Services.Select(s => s.FullName))}.");
    }
}
