namespace Platform.EventStore.Tests;

/// <summary>Key names and limits, in the append's transaction.</summary>
public sealed class KeyListProjection : Projection
{
    public KeyListProjection() : base("key-list", "key_list")
    {
        On<KeyCreated>((e, c) => c.ExecuteAsync("insert into key_list (key_id, name, credit_limit, revoked) values (@id, @name, @limit, false)",
            ("id", e.KeyId), ("name", e.Name), ("limit", e.Limit)));
        On<KeyRenamed>((e, c) => c.ExecuteAsync("update key_list set name = @name where key_id = @id", ("id", e.KeyId), ("name", e.Name)));
        On<KeyRevoked>((e, c) => c.ExecuteAsync("update key_list set revoked = true where key_id = @id", ("id", e.KeyId)));
    }

    public const string Ddl = "create table key_list (key_id uuid primary key, name text not null, credit_limit numeric not null, revoked bool not null)";
}

/// <summary>How many notes each stream has, on a subscription.</summary>
public sealed class NoteCountProjection : Projection
{
    public NoteCountProjection() : base("note-count", "note_count")
    {
        On<Note>((_, c) => c.ExecuteAsync(
            "insert into note_count (stream_id, notes) values (@s, 1) on conflict (stream_id) do update set notes = note_count.notes + 1",
            ("s", c.Event.StreamId)));
    }

    public const string Ddl = "create table note_count (stream_id text primary key, notes int not null)";
}
