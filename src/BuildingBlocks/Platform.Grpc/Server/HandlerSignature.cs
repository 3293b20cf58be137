using System.Reflection;
using Google.Protobuf.Reflection;

namespace Platform.Grpc;

/// <summary>The C# shape a proto method must have, per kind, and readable names for binding errors.</summary>
internal sealed record HandlerSignature(Type ReturnType, Type[] Parameters)
{
    public static HandlerSignature For(MethodDescriptor method)
    {
        var request = method.InputType.ClrType;
        var response = method.OutputType.ClrType;
        var reader = typeof(IAsyncStreamReader<>).MakeGenericType(request);
        var writer = typeof(IServerStreamWriter<>).MakeGenericType(response);
        var context = typeof(ServerCallContext);
        return (method.IsClientStreaming, method.IsServerStreaming) switch
        {
            (false, false) => new(typeof(Task<>).MakeGenericType(response), [request, context]),
            (false, true) => new(typeof(Task), [request, writer, context]),
            (true, false) => new(typeof(Task<>).MakeGenericType(response), [reader, context]),
            (true, true) => new(typeof(Task), [reader, writer, context]),
        };
    }

    public static string Kind(MethodDescriptor method) => (method.IsClientStreaming, method.IsServerStreaming) switch
    {
        (false, false) => "unary",
        (false, true) => "server streaming",
        (true, false) => "client streaming",
        (true, true) => "bidirectional streaming",
    };

    public bool Matches(MethodInfo candidate) =>
        candidate.ReturnType == ReturnType && candidate.GetParameters().Select(p => p.ParameterType).SequenceEqual(Parameters);

    public string Describe(string name) => $"{TypeName(ReturnType)} {name}({string.Join(", ", Parameters.Select(TypeName))})";

    public static string Describe(MethodInfo method) =>
        $"{TypeName(method.ReturnType)} {method.Name}({string.Join(", ", method.GetParameters().Select(p => TypeName(p.ParameterType)))})";

    private static string TypeName(Type type) => type.IsGenericType
        ? $"{type.Name[..type.Name.IndexOf('`')]}<{string.Join(", ", type.GetGenericArguments().Select(TypeName))}>"
        : type.Name;
}
