using System.Data;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Platform.EventStore;

/// <summary>
/// Replays a projection from position 0 into temporary tables that shadow its live tables (pg_temp comes first in
/// search_path), in one repeatable-read snapshot, and compares the two. With <c>replace</c> it then swaps the
/// rebuilt rows in, holding an exclusive lock on the live tables (readers go on; writers wait).
/// </summary>
public sealed class ProjectionRebuilder(NpgsqlDataSource dataSource, EventStoreSchema schema, EventSerializer serializer,
    Projections projections, Checkpoints checkpoints, ILogger<ProjectionRebuilder> logger)
{
    private const int PageSize = 1000;

    public async Task<RebuildReport> RebuildAsync(string projectionName, bool replace = false, CancellationToken cancellationToken = default)
    {
        var projection = projections.Get(projectionName);
        await schema.EnsureAsync(cancellationToken);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        // Before the snapshot is taken (by the first query), so the live tables and the log agree.
        if (replace)
            await ExecuteAsync(connection, transaction, $"lock table {string.Join(", ", projection.Tables.Select(Quote))} in exclusive mode", cancellationToken);
        var live = new List<string>();
        foreach (var table in projection.Tables) live.Add(await QualifiedNameAsync(connection, transaction, table, cancellationToken));

        var upTo = projections.LifecycleOf(projection) == ProjectionLifecycle.Async
            ? await checkpoints.GetAsync(connection, projection.Name, cancellationToken) ?? 0
            : await ScalarAsync<long>(connection, transaction, $"select coalesce(max(position), 0) from {schema.Name}.events", cancellationToken);
        for (var i = 0; i < live.Count; i++)
            await ExecuteAsync(connection, transaction, $"create temp table {Quote(projection.Tables[i])} (like {live[i]} including all) on commit drop", cancellationToken);

        var replayed = await ReplayAsync(projection, transaction, upTo, cancellationToken);
        var tables = new List<TableComparison>();
        for (var i = 0; i < live.Count; i++) tables.Add(await CompareAsync(connection, transaction, projection.Tables[i], live[i], cancellationToken));

        if (replace)
        {
            foreach (var (table, liveName) in projection.Tables.Zip(live))
                await ExecuteAsync(connection, transaction,
                    $"delete from {liveName}; insert into {liveName} overriding system value select * from pg_temp.{Quote(table)}", cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        else await transaction.RollbackAsync(cancellationToken);
        var report = new RebuildReport(projection.Name, replayed, upTo, tables, replace);
        Log.ProjectionRebuilt(logger, projection.Name, replayed, tables.Sum(t => t.OnlyInLive + t.OnlyInRebuilt));
        return report;
    }

    private async Task<long> ReplayAsync(Projection projection, NpgsqlTransaction transaction, long upTo, CancellationToken cancellationToken)
    {
        var types = projection.EventTypes.Select(t => serializer.Types.NameOf(t)).ToArray();
        long after = 0, replayed = 0;
        while (true)
        {
            var page = new List<RecordedEvent>(PageSize);
            await using (var command = new NpgsqlCommand(
                $"select {EventRows.Columns} from {schema.Name}.events where position > $1 and position <= $2 and type = any($3) order by position limit $4",
                transaction.Connection, transaction))
            {
                command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = after });
                command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = upTo });
                command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = types });
                command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = PageSize });
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken)) page.Add(EventRows.Read(reader, serializer.Deserialize));
            }
            if (page.Count == 0) return replayed;
            await projection.ApplyAsync(page, transaction, cancellationToken);
            replayed += page.Count;
            after = page[^1].Position;
        }
    }

    private static async Task<TableComparison> CompareAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string table, string live,
        CancellationToken cancellationToken)
    {
        var rebuilt = $"pg_temp.{Quote(table)}";
        await using var command = new NpgsqlCommand($"""
            select (select count(*) from {live}), (select count(*) from {rebuilt}),
                   (select count(*) from (select to_jsonb(l)::text from {live} l except all select to_jsonb(r)::text from {rebuilt} r) d),
                   (select count(*) from (select to_jsonb(r)::text from {rebuilt} r except all select to_jsonb(l)::text from {live} l) d)
            """, connection, transaction);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new TableComparison(table, reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
    }

    private static async Task<string> QualifiedNameAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string table, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "select quote_ident(n.nspname) || '.' || quote_ident(c.relname) from pg_class c join pg_namespace n on n.oid = c.relnamespace where c.oid = to_regclass($1)",
            connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = Quote(table) });
        return await command.ExecuteScalarAsync(cancellationToken) as string
               ?? throw new InvalidOperationException($"The projection table '{table}' does not exist.");
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"") + "\"";

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        return (T)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
