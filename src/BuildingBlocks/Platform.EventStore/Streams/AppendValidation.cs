using Platform.Domain;

namespace Platform.EventStore;

internal static class AppendValidation
{
    public const int MaxEventsPerAppend = 1000;

    public static void Check(string streamId, string streamType, IReadOnlyList<object> events) =>
        new Validation()
            .When(!IsValidStreamId(streamId), "streamId", "A stream id is 1 to 200 characters without control characters.")
            .When(!EventTypes.IsValidName(streamType ?? ""), "streamType", "A stream type is 1 to 200 characters of a-z, 0-9, '.', '_' or '-'.")
            .When(events is null || events.Count == 0, "events", "An append needs at least one event.")
            .When(events is { Count: > MaxEventsPerAppend }, "events", $"An append holds at most {MaxEventsPerAppend} events.")
            .When(events is not null && events.Any(e => e is null), "events", "An event is null.")
            .ThrowIfInvalid();

    public static bool IsValidStreamId(string? streamId) =>
        streamId is { Length: > 0 and <= 200 } && !streamId.Any(char.IsControl);
}
