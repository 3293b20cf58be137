using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using Platform.Audit.V1;
using Platform.Domain;
using Platform.EventStore.Audit;
using Platform.Testing;

namespace Platform.EventStore.Tests;

public sealed class AuditQueriesTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly ClaimsPrincipal Auditor = Principal("auditor");
    private static readonly ClaimsPrincipal Support = Principal("support");

    private static ClaimsPrincipal Principal(string? role) =>
        new(new ClaimsIdentity(role is null ? [new Claim("sub", "u1")] : [new Claim("sub", "u1"), new Claim(AuditAccess.RoleClaim, role)], "test"));

    [Fact]
    public async Task Only_auditors_and_support_may_use_the_audit_service()
    {
        await using var test = await TestStore.CreateAsync(database.ConnectionString);
        var audit = test.Services.GetRequiredService<AuditQueries>();
        await test.Store.AppendAsync("s", "log", ExpectedVersion.Any, [new Note("x")], null, Ct);

        await Assert.ThrowsAsync<UnauthenticatedException>(() => audit.ReadStreamAsync(new ReadStreamRequest { StreamId = "s" }, new ClaimsPrincipal(), Ct));
        foreach (var caller in new[] { Principal(null), Principal("admin") })
        {
            await Assert.ThrowsAsync<PermissionDeniedException>(() => audit.ReadStreamAsync(new ReadStreamRequest { StreamId = "s" }, caller, Ct));
            await Assert.ThrowsAsync<PermissionDeniedException>(async () => await audit.ReadAllAsync(new ReadAllRequest(), caller, Ct).ToListAsync(Ct));
            await Assert.ThrowsAsync<PermissionDeniedException>(() => audit.VerifyStreamAsync(new VerifyStreamRequest { StreamId = "s" }, caller, Ct));
            await Assert.ThrowsAsync<PermissionDeniedException>(async () => await audit.VerifyAllAsync(new VerifyAllRequest(), caller, Ct).ToListAsync(Ct));
        }
        Assert.Single((await audit.ReadStreamAsync(new ReadStreamRequest { StreamId = "s" }, Support, Ct)).Events);
    }

    [Fact]
    public async Task A_stream_reads_in_pages_forward_and_backward()
    {
        await using var test = await TestStore.CreateAsync(database.ConnectionString);
        var audit = test.Services.GetRequiredService<AuditQueries>();
        for (var i = 1; i <= 5; i++) await test.Store.AppendAsync("s", "log", ExpectedVersion.Any, [new Note($"{i}")], null, Ct);

        var page1 = await audit.ReadStreamAsync(new ReadStreamRequest { StreamId = "s", PageSize = 2 }, Auditor, Ct);
        var page3 = await audit.ReadStreamAsync(new ReadStreamRequest { StreamId = "s", PageSize = 2, FromVersion = 5 }, Auditor, Ct);
        var back = await audit.ReadStreamAsync(new ReadStreamRequest { StreamId = "s", PageSize = 2, Direction = Direction.Backward }, Auditor, Ct);

        Assert.Equal([1L, 2L], page1.Events.Select(e => e.Version));
        Assert.Equal(3L, page1.NextVersion);
        Assert.Equal([5L], page3.Events.Select(e => e.Version));
        Assert.Equal(0L, page3.NextVersion);
        Assert.Equal([5L, 4L], back.Events.Select(e => e.Version));
        Assert.Equal(3L, back.NextVersion);
        Assert.Equal((5L, "log"), (page1.StreamVersion, page1.StreamType));
        Assert.Equal(page3.Events[0].Hash, page1.HeadHash);
        Assert.All(page1.Events, e => Assert.Equal(2, e.HashFormat)); // an auditor needs it to pick the canonical bytes
        Assert.Equal("{\"count\":0,\"text\":\"1\",\"weight\":0}", page1.Events[0].DataJson);
        await Assert.ThrowsAsync<NotFoundException>(() => audit.ReadStreamAsync(new ReadStreamRequest { StreamId = "nope" }, Auditor, Ct));
        var invalid = await Assert.ThrowsAsync<ValidationException>(() => audit.ReadStreamAsync(new ReadStreamRequest { StreamId = "", PageSize = 5000 }, Auditor, Ct));
        Assert.Equal(["stream_id", "page_size"], invalid.Violations.Select(v => v.Field));
    }

    [Fact]
    public async Task The_log_streams_with_filters_and_verification_reports_progress_then_the_result()
    {
        await using var test = await TestStore.CreateAsync(database.ConnectionString);
        var audit = test.Services.GetRequiredService<AuditQueries>();
        var key = Guid.CreateVersion7();
        await test.Store.AppendAsync("k", "key", ExpectedVersion.Any, [new KeyCreated(key, "a", 1m), new KeyRevoked(key, "x")], null, Ct);
        for (var i = 0; i < 4; i++) await test.Store.AppendAsync("n", "log", ExpectedVersion.Any, [new Note($"{i}")], null, Ct);

        var keys = await audit.ReadAllAsync(new ReadAllRequest { StreamTypes = { "key" } }, Auditor, Ct).ToListAsync(Ct);
        var limited = await audit.ReadAllAsync(new ReadAllRequest { AfterPosition = 2, MaxCount = 3 }, Auditor, Ct).ToListAsync(Ct);
        var stream = await audit.VerifyStreamAsync(new VerifyStreamRequest { StreamId = "k" }, Auditor, Ct);
        await test.ExecuteAsync("update @schema.events set data = '{\"text\":\"forged\"}' where stream_id = 'n' and version = 2");
        var all = await audit.VerifyAllAsync(new VerifyAllRequest { ProgressEvery = 2 }, Auditor, Ct).ToListAsync(Ct);

        Assert.Equal(["test.key-created", "test.key-revoked"], keys.Select(e => e.Type));
        Assert.Equal([3L, 4L, 5L], limited.Select(e => e.Position));
        Assert.True(stream.Valid);
        Assert.Equal(2, stream.EventsChecked);
        Assert.Equal(3, all.Count(p => !p.Done));
        var done = all[^1];
        Assert.True(done.Done);
        Assert.False(done.Valid);
        Assert.Equal(("n", 2L), (done.Breaks.Single().StreamId, done.Breaks[0].Version));
        var invalid = await Assert.ThrowsAsync<ValidationException>(async () =>
            await audit.ReadAllAsync(new ReadAllRequest { AfterPosition = -1, EventTypes = { "Bad Type" } }, Auditor, Ct).ToListAsync(Ct));
        Assert.Equal(["after_position", "event_types"], invalid.Violations.Select(v => v.Field));
    }
}
