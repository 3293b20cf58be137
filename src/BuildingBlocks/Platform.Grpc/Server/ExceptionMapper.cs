using Platform.Domain;

namespace Platform.Grpc;

/// <summary>
/// Chooses the status for an exception thrown by a handler: RpcException as thrown, the service's own mappings,
/// then the Platform.Domain exceptions; anything else is UNKNOWN with a generic message (details stay in the log).
/// </summary>
internal sealed class ExceptionMapper(IReadOnlyDictionary<Type, ExceptionMapping> custom)
{
    public const string UnknownDetail = "Exception was thrown by handler.";

    public RpcException Map(Exception exception, out bool unexpected)
    {
        unexpected = false;
        if (exception is RpcException rpc) return rpc;
        for (var type = exception.GetType(); type is not null && type != typeof(object); type = type.BaseType)
            if (custom.TryGetValue(type, out var mapping)) return new RpcException(mapping.StatusCode, mapping.Message(exception));
        switch (exception)
        {
            case ValidationException validation:
                return RpcStatusDetails.Create(StatusCode.InvalidArgument, validation.Message, validation.Violations);
            case DomainException domain when DomainCode(domain) is { } code:
                return new RpcException(code, domain.Message);
        }
        unexpected = true;
        return new RpcException(StatusCode.Unknown, UnknownDetail);
    }

    private static StatusCode? DomainCode(DomainException exception) => exception switch
    {
        NotFoundException => StatusCode.NotFound,
        AlreadyExistsException => StatusCode.AlreadyExists,
        PermissionDeniedException => StatusCode.PermissionDenied,
        UnauthenticatedException => StatusCode.Unauthenticated,
        FailedPreconditionException => StatusCode.FailedPrecondition,
        ConflictException => StatusCode.Aborted,
        LimitExceededException => StatusCode.ResourceExhausted,
        _ => null,
    };
}
