namespace Platform.Domain;

// Transport-neutral errors: Platform.Grpc maps them to status codes, the HTTP edge to status codes and JSON.
// Messages are shown to callers, so they never contain secrets or internals.
public abstract class DomainException(string message) : Exception(message);

/// <summary>The input is wrong; nothing was changed. Maps to INVALID_ARGUMENT / 400.</summary>
public sealed class ValidationException(IReadOnlyList<FieldViolation> violations)
    : DomainException(Describe(violations))
{
    public IReadOnlyList<FieldViolation> Violations { get; } = violations;

    public ValidationException(string field, string description) : this([new FieldViolation(field, description)]) { }

    private static string Describe(IReadOnlyList<FieldViolation> violations) =>
        violations.Count == 0 ? "The request is invalid." : string.Join("; ", violations.Select(v => $"{v.Field}: {v.Description}"));
}

public sealed record FieldViolation(string Field, string Description);

/// <summary>No such resource visible to the caller (also used for resources of other accounts). NOT_FOUND / 404.</summary>
public sealed class NotFoundException(string message) : DomainException(message);

/// <summary>ALREADY_EXISTS / 409.</summary>
public sealed class AlreadyExistsException(string message) : DomainException(message);

/// <summary>The caller is known but may not do this. PERMISSION_DENIED / 403.</summary>
public sealed class PermissionDeniedException(string message = "The caller is not allowed to do this.") : DomainException(message);

/// <summary>No credential, or one that is unknown, revoked or expired. UNAUTHENTICATED / 401.</summary>
public sealed class UnauthenticatedException(string message = "A valid credential is required.") : DomainException(message);

/// <summary>The system is not in a state that allows this (for example removing the last admin). FAILED_PRECONDITION / 400.</summary>
public sealed class FailedPreconditionException(string message) : DomainException(message);

/// <summary>A concurrent change won; the caller may retry. ABORTED / 409.</summary>
public sealed class ConflictException(string message) : DomainException(message);

/// <summary>A limit or quota would be exceeded. RESOURCE_EXHAUSTED / 429 or 402.</summary>
public sealed class LimitExceededException(string message) : DomainException(message);
