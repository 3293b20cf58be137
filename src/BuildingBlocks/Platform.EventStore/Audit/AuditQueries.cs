using System.Runtime.CompilerServices;
using System.Security.Claims;
using Google.Protobuf;
using Platform.Audit.V1;
using Platform.Domain;

namespace Platform.EventStore.Audit;

/// <summary>
/// The <c>platform.audit.v1.Audit</c> service without its transport: each RPC of the gRPC binding is a call
/// here with the request, the caller's principal and the call's cancellation. Errors are Platform.Domain exceptions.
/// </summary>
public sealed class AuditQueries(IEventStore store, ChainVerifier verifier)
{
    public const int DefaultPageSize = 100;
    public const int MaxPageSize = 1000;

    public async Task<ReadStreamResponse> ReadStreamAsync(ReadStreamRequest request, ClaimsPrincipal caller, CancellationToken cancellationToken)
    {
        AuditAccess.Demand(caller);
        new Validation()
            .When(!AppendValidation.IsValidStreamId(request.StreamId), "stream_id", "A stream id is 1 to 200 characters without control characters.")
            .When(request.FromVersion < 0, "from_version", "Must be 0 or more.")
            .When(request.PageSize is < 0 or > MaxPageSize, "page_size", $"Must be 0 to {MaxPageSize}.")
            .ThrowIfInvalid();
        var head = await store.GetStreamAsync(request.StreamId, cancellationToken) ?? throw new NotFoundException("No such stream.");
        var pageSize = request.PageSize == 0 ? DefaultPageSize : request.PageSize;
        var direction = request.Direction == Direction.Backward ? ReadDirection.Backward : ReadDirection.Forward;

        var response = new ReadStreamResponse { StreamType = head.StreamType, StreamVersion = head.Version, HeadHash = ByteString.CopyFrom(head.Hash) };
        await foreach (var e in store.ReadStreamAsync(request.StreamId, direction, request.FromVersion, pageSize, cancellationToken))
            response.Events.Add(e.ToAuditEvent());
        if (response.Events.Count == pageSize)
        {
            var last = response.Events[^1].Version;
            response.NextVersion = direction == ReadDirection.Forward ? (last < head.Version ? last + 1 : 0) : last - 1;
        }
        return response;
    }

    public async IAsyncEnumerable<AuditEvent> ReadAllAsync(ReadAllRequest request, ClaimsPrincipal caller,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        AuditAccess.Demand(caller);
        var validation = new Validation()
            .When(request.AfterPosition < 0, "after_position", "Must be 0 or more.")
            .When(request.MaxCount < 0, "max_count", "Must be 0 (no limit) or more.")
            .When(request.StreamTypes.Any(t => !EventTypes.IsValidName(t)), "stream_types", "A stream type is 1 to 200 characters of a-z, 0-9, '.', '_' or '-'.")
            .When(request.EventTypes.Any(t => !EventTypes.IsValidName(t)), "event_types", "An event type is 1 to 200 characters of a-z, 0-9, '.', '_' or '-'.")
            .When(request.RecordedFrom is not null && request.RecordedTo is not null && request.RecordedTo.ToDateTimeOffset() <= request.RecordedFrom.ToDateTimeOffset(),
                "recorded_to", "Must be after recorded_from.");
        validation.ThrowIfInvalid();

        var query = new ReadAllQuery
        {
            AfterPosition = request.AfterPosition,
            UpToPosition = await store.GetLastPositionAsync(cancellationToken), // "to the end" means the end as of the call
            StreamTypes = request.StreamTypes.ToArray(),
            EventTypes = request.EventTypes.ToArray(),
            RecordedFrom = request.RecordedFrom?.ToDateTimeOffset(),
            RecordedTo = request.RecordedTo?.ToDateTimeOffset(),
            MaxCount = request.MaxCount == 0 ? long.MaxValue : request.MaxCount,
        };
        await foreach (var e in store.ReadAllAsync(query, cancellationToken)) yield return e.ToAuditEvent();
    }

    public async Task<VerifyStreamResponse> VerifyStreamAsync(VerifyStreamRequest request, ClaimsPrincipal caller, CancellationToken cancellationToken)
    {
        AuditAccess.Demand(caller);
        if (!AppendValidation.IsValidStreamId(request.StreamId))
            throw new ValidationException("stream_id", "A stream id is 1 to 200 characters without control characters.");
        var result = await verifier.VerifyStreamAsync(request.StreamId, cancellationToken) ?? throw new NotFoundException("No such stream.");
        return new VerifyStreamResponse
        {
            Valid = result.IsValid,
            EventsChecked = result.EventsChecked,
            StreamVersion = result.StreamVersion,
            HeadHash = ByteString.CopyFrom(result.HeadHash),
            Break = result.Break?.ToMessage(),
        };
    }

    public async IAsyncEnumerable<VerifyAllProgress> VerifyAllAsync(VerifyAllRequest request, ClaimsPrincipal caller,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        AuditAccess.Demand(caller);
        if (request.ProgressEvery < 0) throw new ValidationException("progress_every", "Must be 0 (default) or more.");
        await foreach (var progress in verifier.VerifyAllAsync(request.ProgressEvery == 0 ? 100_000 : request.ProgressEvery, cancellationToken))
        {
            var message = new VerifyAllProgress
            {
                EventsChecked = progress.EventsChecked,
                StreamsChecked = progress.StreamsChecked,
                Position = progress.Position,
                Done = progress.Completed,
                Valid = progress.IsValid,
            };
            message.Breaks.AddRange(progress.Breaks.Select(b => b.ToMessage()));
            yield return message;
        }
    }
}
