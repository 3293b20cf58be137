using Platform.Testing;

namespace Platform.EventStore.Tests;

public sealed class HashChainTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<TestStore> SeedAsync(string connectionString)
    {
        var test = await TestStore.CreateAsync(connectionString);
        for (var stream = 1; stream <= 3; stream++)
        for (var i = 1; i <= 5; i++)
            await test.Store.AppendAsync($"s{stream}", "log", ExpectedVersion.Any, [new Note($"stream {stream} note {i} ✓", i / 4.0, i)],
                EventMetadata.For($"user:{stream}"), Ct);
        return test;
    }

    [Fact]
    public async Task Untouched_chains_verify_and_the_database_and_csharp_agree_on_every_link()
    {
        await using var test = await SeedAsync(database.ConnectionString);

        var stream = await test.Verifier.VerifyStreamAsync("s2", Ct);
        var all = await test.Verifier.VerifyAllAsync(progressEvery: 4, Ct).ToListAsync(Ct);

        Assert.True(stream!.IsValid);
        Assert.Equal(5, stream.EventsChecked);
        Assert.True(all[^1].Completed && all[^1].IsValid);
        Assert.Equal((15L, 3L), (all[^1].EventsChecked, all[^1].StreamsChecked));
        Assert.Equal(3, all.Count(p => !p.Completed)); // progress at 4, 8 and 12 events
        Assert.Null(await test.Verifier.VerifyStreamAsync("missing", Ct));
    }

    [Fact]
    public async Task One_changed_byte_of_event_data_is_reported_with_expected_and_found_hash()
    {
        await using var test = await SeedAsync(database.ConnectionString);
        var stored = (await test.Store.ReadStreamAsync("s2", cancellationToken: Ct).ToListAsync(Ct))[2];
        await test.ExecuteAsync("update @schema.events set data = replace(data::text, 'note 3', 'note 4')::json where stream_id = 's2' and version = 3");

        var result = await test.Verifier.VerifyStreamAsync("s2", Ct);
        var all = await test.Verifier.VerifyAllAsync(cancellationToken: Ct).LastAsync(Ct);

        var broken = result!.Break!;
        Assert.Equal(("s2", 3L), (broken.StreamId, broken.Version));
        Assert.Equal(stored.Hash, broken.FoundHash);
        Assert.NotEqual(stored.Hash, broken.ExpectedHash);
        Assert.Equal(("s2", 3L), (Assert.Single(all.Breaks).StreamId, all.Breaks[0].Version));
    }

    [Fact]
    public async Task A_deleted_event_is_detected_in_the_middle_and_at_the_end()
    {
        await using var test = await SeedAsync(database.ConnectionString);
        await test.ExecuteAsync("delete from @schema.events where stream_id = 's1' and version = 2");
        await test.ExecuteAsync("delete from @schema.events where stream_id = 's3' and version = 5");

        var middle = await test.Verifier.VerifyStreamAsync("s1", Ct);
        var end = await test.Verifier.VerifyStreamAsync("s3", Ct);
        var all = await test.Verifier.VerifyAllAsync(cancellationToken: Ct).LastAsync(Ct);

        Assert.Equal(2, middle!.Break!.Version);
        Assert.Contains("missing", middle.Break.Reason);
        Assert.Equal(5, end!.Break!.Version);
        Assert.Contains("stream row", end.Break.Reason);
        Assert.Equal([("s1", 2L), ("s3", 5L)], all.Breaks.Select(b => (b.StreamId, b.Version)).Order());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public async Task An_append_after_the_last_event_was_deleted_chains_to_the_stream_head_and_the_deletion_stays_detected(int events)
    {
        await using var test = await SeedAsync(database.ConnectionString);
        var deleted = await test.Store.ReadStreamAsync("s1", ReadDirection.Backward, maxCount: 1, cancellationToken: Ct).SingleAsync(Ct);
        await test.ExecuteAsync("delete from @schema.events where stream_id = 's1' and version = 5");

        var appended = await test.Store.AppendAsync("s1", "log", ExpectedVersion.Any,
            Enumerable.Range(0, events).Select(i => (object)new Note($"{i}")).ToList(), null, Ct);
        var verified = await test.Verifier.VerifyStreamAsync("s1", Ct);

        Assert.Equal(5 + events, appended.Version);
        Assert.Equal(EventHash.Compute(deleted.Hash, appended.Events[0].HashedFields), appended.Events[0].Hash);
        Assert.Equal(5, verified!.Break!.Version);
        Assert.Contains("missing", verified.Break.Reason);
    }

    [Fact]
    public async Task Swapped_events_are_detected_whether_versions_or_positions_are_swapped()
    {
        await using var test = await SeedAsync(database.ConnectionString);
        // Unique indexes forbid a swap in one statement: go through negative values, as a tamperer would.
        await test.ExecuteAsync("""
            update @schema.events set version = -version where stream_id = 's1' and version in (2, 3);
            update @schema.events set version = 5 + version where stream_id = 's1' and version in (-2, -3);
            """);
        var s2 = await test.Store.ReadStreamAsync("s2", cancellationToken: Ct).ToListAsync(Ct);
        await test.ExecuteAsync($"""
            update @schema.events set position = -position where stream_id = 's2' and version in (2, 3);
            update @schema.events set position = {s2[2].Position} where position = -{s2[1].Position};
            update @schema.events set position = {s2[1].Position} where position = -{s2[2].Position};
            """);

        var versions = await test.Verifier.VerifyStreamAsync("s1", Ct);
        var positions = await test.Verifier.VerifyStreamAsync("s2", Ct);
        var all = await test.Verifier.VerifyAllAsync(cancellationToken: Ct).LastAsync(Ct);

        Assert.Equal(2, versions!.Break!.Version);
        // Format 2 links do not cover positions: the walk by version finds the later version placed first in the log.
        Assert.Equal(3, positions!.Break!.Version);
        Assert.Contains("position", positions.Break.Reason);
        Assert.Equal(["s1", "s2"], all.Breaks.Select(b => b.StreamId).Order());
    }
}
