using Npgsql;
using NpgsqlTypes;

namespace Platform.EventStore;

/// <summary>
/// The call of the <c>append_linked</c> function (Schema/Migrations.cs): any number of events, and the precise error
/// (PE409 conflict, PE422 stream type) when the append cannot be made.
/// </summary>
internal static class AppendFunction
{
    public static string For(string schema) =>
        $"select stream_version, positions, hashes, recorded from {schema}.append_linked($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)";

    public static void Bind(NpgsqlParameterCollection parameters, PendingAppend append)
    {
        var parts = append.Ids.Select((id, i) => EventHash.Parts(id, append.StreamId, append.StreamType, append.Types[i], append.Data[i], append.Metadata[i])).ToArray();
        parameters.Add(new NpgsqlParameter<string> { TypedValue = append.StreamId, NpgsqlDbType = NpgsqlDbType.Text });
        parameters.Add(new NpgsqlParameter<string> { TypedValue = append.StreamType, NpgsqlDbType = NpgsqlDbType.Text });
        parameters.Add(new NpgsqlParameter<long> { TypedValue = append.Expected.Value });
        parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = append.Ids });
        parameters.Add(new NpgsqlParameter<string[]> { TypedValue = append.Types, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        parameters.Add(new NpgsqlParameter<string[]> { TypedValue = append.Data, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        parameters.Add(new NpgsqlParameter<string[]> { TypedValue = append.Metadata, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = append.Recorded });
        parameters.Add(new NpgsqlParameter<byte[][]> { TypedValue = parts.Select(p => p.Identity).ToArray() });
        parameters.Add(new NpgsqlParameter<byte[][]> { TypedValue = parts.Select(p => p.Type).ToArray() });
        parameters.Add(new NpgsqlParameter<byte[][]> { TypedValue = parts.Select(p => p.Body).ToArray() });
    }

    public static WrittenEvents Read(NpgsqlDataReader row) =>
        new(row.GetInt64(0), row.GetFieldValue<long[]>(1), row.GetFieldValue<byte[][]>(2), row.GetFieldValue<DateTimeOffset>(3));
}
