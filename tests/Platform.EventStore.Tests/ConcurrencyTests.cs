using Platform.Domain;
using Platform.Testing;

namespace Platform.EventStore.Tests;

public sealed class ConcurrencyTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_thousand_concurrent_appenders_to_a_hundred_streams_leave_contiguous_versions_and_valid_chains()
    {
        await using var test = await TestStore.CreateAsync(database.ConnectionString);
        var conflicts = 0;

        // Half append blindly, half load-decide-append with the expected version and retry on conflict.
        var appenders = Enumerable.Range(0, 1000).Select(i => Task.Run(async () =>
        {
            var stream = $"account-{i % 100}";
            if (i % 2 == 0)
            {
                await test.Store.AppendAsync(stream, "ledger", ExpectedVersion.Any, [new Note($"{i}-a"), new Note($"{i}-b")], null, Ct);
                return;
            }
            while (true)
            {
                var head = await test.Store.GetStreamAsync(stream, Ct);
                try
                {
                    await test.Store.AppendAsync(stream, "ledger", ExpectedVersion.Exactly(head?.Version ?? 0), [new Note($"{i}-a"), new Note($"{i}-b")], null, Ct);
                    return;
                }
                catch (ConflictException)
                {
                    Interlocked.Increment(ref conflicts);
                }
            }
        }, Ct));
        await Task.WhenAll(appenders);

        Assert.Equal(100L, await test.ScalarAsync<long>("select count(*) from @schema.streams where version = 20"));
        Assert.Equal(0L, await test.ScalarAsync<long>("""
            select count(*) from (select stream_id, count(*) n, min(version) lo, max(version) hi from @schema.events group by stream_id) s
            where n <> 20 or lo <> 1 or hi <> 20
            """));
        // Each append's two events are adjacent in its stream.
        Assert.Equal(0L, await test.ScalarAsync<long>("""
            select count(*) from @schema.events a join @schema.events b on a.stream_id = b.stream_id and b.version = a.version + 1
            where a.version % 2 = 1 and split_part(a.data->>'text', '-', 1) <> split_part(b.data->>'text', '-', 1)
            """));
        var verified = await test.Verifier.VerifyAllAsync(cancellationToken: Ct).LastAsync(Ct);
        Assert.True(verified.IsValid);
        Assert.Equal((2000L, 100L), (verified.EventsChecked, verified.StreamsChecked));
        TestContext.Current.SendDiagnosticMessage($"{conflicts} conflicts retried");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public async Task An_append_that_waited_for_another_on_its_stream_chains_onto_the_events_it_waited_for(int events)
    {
        await using var test = await TestStore.CreateAsync(database.ConnectionString);
        await test.Store.AppendAsync("s", "ledger", ExpectedVersion.Any, [new Note("1")], null, Ct);
        await using var holder = await test.DataSource.OpenConnectionAsync(Ct);
        await using var held = await holder.BeginTransactionAsync(Ct);
        await test.Store.AppendAsync(held, "s", "ledger", ExpectedVersion.Any, [new Note("2"), new Note("3")], null, Ct);

        // This append's statement starts while versions 2-3 are uncommitted, so its snapshot cannot see them.
        var waiting = test.Store.AppendAsync("s", "ledger", ExpectedVersion.Any,
            Enumerable.Range(4, events).Select(i => (object)new Note($"{i}")).ToList(), null, Ct);
        await Eventually.HoldsAsync(async () => await test.ScalarAsync<long>(
            "select count(*) from pg_stat_activity where wait_event_type = 'Lock' and datname = current_database()") == 1, "the append waits for the row lock");
        await held.CommitAsync(Ct);
        var appended = await waiting;

        Assert.Equal(3 + events, appended.Version);
        var verified = await test.Verifier.VerifyStreamAsync("s", Ct);
        Assert.Null(verified!.Break);
        Assert.Equal(Enumerable.Range(1, 3 + events).Select(i => $"{i}"),
            await test.Store.ReadStreamAsync("s", cancellationToken: Ct).Select(e => ((Note)e.Data).Text).ToListAsync(Ct));
    }
}
