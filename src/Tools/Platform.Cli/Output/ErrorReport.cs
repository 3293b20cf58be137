using System.Text;
using Platform.Grpc;

namespace Platform.Cli.Output;

/// <summary>A failed call on stderr: status, message, field violations, and what to do for the usual causes.</summary>
internal static class ErrorReport
{
    public static int Write(TextWriter error, RpcException exception, IEnumerable<string> services)
    {
        error.WriteLine($"error: {Name(exception.StatusCode)}: {exception.Status.Detail}");
        foreach (var violation in exception.GetFieldViolations())
            error.WriteLine($"  {violation.Field}: {violation.Description}");
        var hint = exception.StatusCode switch
        {
            StatusCode.Unavailable or StatusCode.DeadlineExceeded =>
                $"Is the service running? Tried {string.Join(", ", services)}. Start the platform with `dotnet run --project Platform.AppHost`.",
            StatusCode.Unauthenticated =>
                "The credential was refused: run `platform login --email you@example.com` again, or check --token / --api-key.",
            StatusCode.Unimplemented =>
                "This service does not offer that call here (the development issuer exists only on development platforms).",
            _ => null,
        };
        if (hint is not null) error.WriteLine(hint);
        return ExitCodes.For(exception.StatusCode);
    }

    /// <summary>INVALID_ARGUMENT, as gRPC writes status names.</summary>
    public static string Name(StatusCode code)
    {
        var name = code.ToString();
        var builder = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i])) builder.Append('_');
            builder.Append(char.ToUpperInvariant(name[i]));
        }
        return code == StatusCode.OK ? "OK" : builder.ToString();
    }
}
