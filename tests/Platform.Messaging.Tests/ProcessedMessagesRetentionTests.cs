using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Platform.Testing;

namespace Platform.Messaging.Tests;

public sealed class ProcessedMessagesRetentionTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IAsyncDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly MessagingOptions _options = new() { Schema = "r" + Guid.NewGuid().ToString("N")[..12] };
    private readonly ManualClock _clock = new();
    private NpgsqlDataSource? _dataSource;

    private NpgsqlDataSource DataSource => _dataSource ??= NpgsqlDataSource.Create(database.ConnectionString);

    [Fact]
    public async Task A_sweep_deletes_ids_past_the_window_in_batches_and_recent_ids_still_refuse_duplicates()
    {
        _options.Retention.BatchSize = 10;
        var (processed, retention) = Create();
        var expired = await RecordAsync(processed, "a", 25);
        await RecordAsync(processed, "b", 5);
        _clock.Advance(TimeSpan.FromDays(8));
        var recent = await RecordAsync(processed, "a", 3);

        Assert.Equal(30, await retention.SweepAsync(Ct)); // three full batches of ten; an empty fourth ends the sweep
        Assert.Equal(3, await CountAsync());
        Assert.False(await processed.ProcessOnceAsync("a", recent[0], _ => Task.CompletedTask, Ct));
        // Past the window an id is forgotten: a delivery that late is processed again (hence a window of days).
        Assert.True(await processed.ProcessOnceAsync("a", expired[0], _ => Task.CompletedTask, Ct));
        Assert.Equal(0, await retention.SweepAsync(Ct));
    }

    [Fact]
    public async Task With_an_infinite_window_nothing_is_deleted()
    {
        _options.Retention.KeepFor = Timeout.InfiniteTimeSpan;
        var (processed, retention) = Create();
        await RecordAsync(processed, "a", 4);
        _clock.Advance(TimeSpan.FromDays(400));

        Assert.Equal(0, await retention.SweepAsync(Ct));
        Assert.Equal(4, await CountAsync());
    }

    [Fact]
    public async Task The_hosted_service_sweeps_when_it_starts()
    {
        var (processed, retention) = Create();
        await RecordAsync(processed, "a", 6);
        _clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromSeconds(1));

        await retention.StartAsync(Ct);
        await Eventually.HoldsAsync(async () => await CountAsync() == 0, "the expired ids are deleted");
        await retention.StopAsync(Ct);
    }

    [Theory]
    [InlineData("KeepFor")]
    [InlineData("SweepInterval")]
    [InlineData("BatchSize")]
    public void Out_of_range_retention_options_are_refused_naming_the_option(string option)
    {
        var error = Assert.Throws<ArgumentException>(() => new ServiceCollection().AddPlatformMessaging("amqp://u:p@rabbit/", "svc", options: o =>
        {
            if (option == "KeepFor") o.Retention.KeepFor = TimeSpan.Zero;
            if (option == "SweepInterval") o.Retention.SweepInterval = TimeSpan.FromDays(2);
            if (option == "BatchSize") o.Retention.BatchSize = 0;
        }));
        Assert.Equal(option, error.ParamName);
    }

    private (ProcessedMessages, ProcessedMessagesRetention) Create()
    {
        var processed = new ProcessedMessages(DataSource, _options, _clock, NullLogger<ProcessedMessages>.Instance);
        return (processed, new ProcessedMessagesRetention(processed, DataSource, _options, _clock, NullLogger<ProcessedMessagesRetention>.Instance));
    }

    private static async Task<Guid[]> RecordAsync(ProcessedMessages processed, string consumer, int count)
    {
        var ids = Enumerable.Range(0, count).Select(_ => Guid.CreateVersion7()).ToArray();
        foreach (var id in ids) Assert.True(await processed.ProcessOnceAsync(consumer, id, _ => Task.CompletedTask, Ct));
        return ids;
    }

    private async Task<long> CountAsync()
    {
        await using var command = DataSource.CreateCommand($"select count(*) from {_options.Schema}.processed_messages");
        return (long)(await command.ExecuteScalarAsync(Ct))!;
    }

    public async ValueTask DisposeAsync()
    {
        if (_dataSource is not null) await _dataSource.DisposeAsync();
    }
}
