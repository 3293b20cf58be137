using Npgsql;

namespace Platform.EventStore;

/// <summary>How an event row is selected and turned into a <see cref="RecordedEvent"/>.</summary>
internal static class EventRows
{
    public const string Columns = "position, id, stream_id, stream_type, version, type, data::text, metadata::text, recorded, hash, hash_format";

    public static RecordedEvent Read(NpgsqlDataReader row, Func<string, string, object> deserialize) => new(
        row.GetInt64(0), row.GetGuid(1), row.GetString(2), row.GetString(3), row.GetInt64(4), row.GetString(5),
        row.GetString(6), row.GetString(7), row.GetFieldValue<DateTimeOffset>(8), row.GetFieldValue<byte[]>(9), (byte)row.GetInt16(10), deserialize);
}
