using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Platform.Domain;
using Platform.Grpc.Framing;

namespace Platform.Grpc;

/// <summary>Rich errors: a <c>google.rpc.Status</c> in the <c>grpc-status-details-bin</c> trailer.</summary>
public static class RpcStatusDetails
{
    /// <summary>An exception whose trailers carry <c>google.rpc.Status</c> with <paramref name="details"/> packed as Any.</summary>
    public static RpcException Create(StatusCode statusCode, string message, params IMessage[] details)
    {
        var status = new Google.Rpc.Status { Code = (int)statusCode, Message = message };
        foreach (var detail in details) status.Details.Add(Any.Pack(detail));
        var trailers = new Metadata().Add(MetadataEntry.Received(GrpcHeaders.StatusDetails, null, status.ToByteArray()));
        return new RpcException(new Status(statusCode, message), trailers);
    }

    /// <summary>An exception carrying <c>google.rpc.BadRequest</c> with one field violation per entry.</summary>
    public static RpcException Create(StatusCode statusCode, string message, IEnumerable<FieldViolation> violations)
    {
        var badRequest = new BadRequest();
        foreach (var violation in violations)
            badRequest.FieldViolations.Add(new BadRequest.Types.FieldViolation { Field = violation.Field, Description = violation.Description });
        return Create(statusCode, message, badRequest);
    }

    /// <summary>The <c>google.rpc.Status</c> from the trailers, or null when absent or unreadable.</summary>
    public static Google.Rpc.Status? GetRpcStatus(this RpcException exception)
    {
        var bytes = exception.Trailers.GetBinaryValue(GrpcHeaders.StatusDetails);
        if (bytes is null) return null;
        try
        {
            return Google.Rpc.Status.Parser.ParseFrom(bytes);
        }
        catch (InvalidProtocolBufferException)
        {
            return null;
        }
    }

    /// <summary>A detail of type <typeparamref name="T"/> from the status details, or null.</summary>
    public static T? GetDetail<T>(this RpcException exception) where T : class, IMessage<T>, new()
    {
        var status = exception.GetRpcStatus();
        if (status is null) return null;
        foreach (var any in status.Details)
            if (any.TryUnpack<T>(out var detail)) return detail;
        return null;
    }

    /// <summary>The field violations of a <c>google.rpc.BadRequest</c> detail; empty when there is none.</summary>
    public static IReadOnlyList<FieldViolation> GetFieldViolations(this RpcException exception) =>
        exception.GetDetail<BadRequest>()?.FieldViolations.Select(v => new FieldViolation(v.Field, v.Description)).ToArray() ?? [];
}
