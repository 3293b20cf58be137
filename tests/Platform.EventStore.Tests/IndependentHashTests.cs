using System.Diagnostics;
using System.Text.Json;
using Platform.Testing;

namespace Platform.EventStore.Tests;

/// <summary>
/// An auditor's Node.js implementation written from docs/audit-hash.md alone recomputes every hash of exported
/// events: if the document missed a byte, the hashes would differ.
/// </summary>
public sealed class IndependentHashTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_documented_algorithm_reproduces_every_stored_hash_and_finds_the_tampered_one()
    {
        await using var test = await TestStore.CreateAsync(database.ConnectionString);
        var key = Guid.CreateVersion7();
        await test.Store.AppendAsync("key-€-1", "key", ExpectedVersion.NoStream,
            [new KeyCreated(key, "naïve \"quoted\" \\ / \t\n\u001f 😀 \u2028", -0.013m), new KeyRenamed(key, "ключ")],
            new EventMetadata("user:ö", "corr", "cause", "0af7651916cd43dd8448eb211c80319c"), Ct);
        await test.Store.AppendAsync("notes", "log", ExpectedVersion.Any,
            [new Note("x", 1e-7, 9007199254740992), new Note("", -2500.5, -1), new Note("z", 0.1 + 0.2)], null, Ct);
        await test.Store.AppendAsync("key-€-1", "key", ExpectedVersion.Exactly(2), [new KeyRevoked(key, "leaked")], EventMetadata.Empty, Ct);

        var events = await test.Store.ReadAllAsync(new ReadAllQuery(), Ct).ToListAsync(Ct);
        var clean = await RunAuditorAsync(events);
        await test.ExecuteAsync("update @schema.events set data = replace(data::text, 'leaked', 'Leaked')::json where type = 'test.key-revoked'");
        var tampered = await RunAuditorAsync(await test.Store.ReadAllAsync(new ReadAllQuery(), Ct).ToListAsync(Ct));

        var hashes = clean.GetProperty("hashes");
        Assert.All(events, e => Assert.Equal(Convert.ToHexStringLower(e.Hash), hashes.GetProperty(e.Id.ToString()).GetString()));
        Assert.Equal(0, clean.GetProperty("breaks").GetArrayLength());
        Assert.Equal(0, clean.GetProperty("nonCanonical").GetArrayLength());
        var broken = Assert.Single(tampered.GetProperty("breaks").EnumerateArray());
        Assert.Equal(("key-€-1", "3"), (broken.GetProperty("stream_id").GetString(), broken.GetProperty("version").GetString()));
    }

    private static async Task<JsonElement> RunAuditorAsync(IReadOnlyList<RecordedEvent> events)
    {
        var export = Path.Combine(Path.GetTempPath(), $"audit-export-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(export, JsonSerializer.Serialize(events.Select(e => new Dictionary<string, string>
        {
            ["hash_format"] = e.HashFormat.ToString(), ["position"] = e.Position.ToString(), ["event_id"] = e.Id.ToString(), ["stream_id"] = e.StreamId,
            ["stream_type"] = e.StreamType, ["version"] = e.Version.ToString(), ["type"] = e.Type,
            ["recorded"] = e.Recorded.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'"),
            ["data_json"] = e.Json, ["metadata_json"] = e.MetadataJson, ["hash"] = Convert.ToHexStringLower(e.Hash),
        })), Ct);
        try
        {
            var start = new ProcessStartInfo("node", [Path.Combine(AppContext.BaseDirectory, "audit-hash.mjs"), export])
            {
                RedirectStandardOutput = true, RedirectStandardError = true,
            };
            using var node = Process.Start(start)!;
            var output = node.StandardOutput.ReadToEndAsync(Ct);
            var error = node.StandardError.ReadToEndAsync(Ct);
            await node.WaitForExitAsync(Ct);
            Assert.True(node.ExitCode == 0, $"node failed: {await error}");
            return JsonDocument.Parse(await output).RootElement;
        }
        finally
        {
            File.Delete(export);
        }
    }
}
