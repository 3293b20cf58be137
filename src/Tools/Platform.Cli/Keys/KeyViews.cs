using Platform.Cli.Output;
using Platform.Contracts.Keys.V1;
using Spectre.Console;

namespace Platform.Cli.Keys;

/// <summary>How keys look in tables: the label, never a secret (a key record carries none).</summary>
internal static class KeyViews
{
    public static void Key(IAnsiConsole console, ApiKey key) => console.Write(Tables.Record(
        ("hash", key.Hash), ("name", key.Name), ("label", key.Label), ("kind", Names.Kind(key.Kind)),
        ("state", State(key)), ("limit", Limit(key)), ("expires", Expires(key)),
        ("account", key.AccountId), ("creator", key.CreatorUserId), ("created", Tables.Time(key.CreatedAt)),
        ("updated", Tables.Time(key.UpdatedAt)), ("rotations", key.RotationCount.ToString()),
        ("previous secret until", Tables.Time(key.PreviousSecretValidUntil))));

    public static void Keys(IAnsiConsole console, ListKeysResponse page, int offset)
    {
        var table = Tables.Create("hash", "name", "label", "kind", "state", "limit", "expires", "creator", "created");
        foreach (var k in page.Keys)
            table.AddCells(k.Hash, k.Name, k.Label, Names.Kind(k.Kind), State(k), Limit(k), Expires(k), k.CreatorUserId, Tables.Time(k.CreatedAt));
        console.Write(table);
        console.Total(page.Keys.Count, page.TotalCount, offset);
    }

    public static void Secret(IAnsiConsole console, string secret)
    {
        console.WriteLine("Secret (shown this once; store it now, it cannot be read again):");
        console.WriteLine(secret);
    }

    private static string State(ApiKey key) =>
        key.Disabled ? (key.DisabledReason.Length > 0 ? $"disabled ({key.DisabledReason})" : "disabled") : "enabled";

    private static string Expires(ApiKey key) => key.ExpiresAt is null ? "never" : Tables.Time(key.ExpiresAt);

    private static string Limit(ApiKey key) =>
        !key.HasLimit ? "none" : key.LimitReset.Length > 0 ? $"${key.Limit} {key.LimitReset}" : $"${key.Limit}";
}
