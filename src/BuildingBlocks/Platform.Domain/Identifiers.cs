namespace Platform.Domain;

/// <summary>Parsing of the UUIDs the services hand out (organizations, accounts, invitations) when a request names one.</summary>
public static class Identifiers
{
    /// <summary>
    /// The id in <paramref name="field"/>, in the canonical form the services return it in ("D": 8-4-4-4-12 hex digits);
    /// <see cref="Guid.Empty"/> and a violation otherwise. The empty UUID names nothing, so it is refused too.
    /// </summary>
    public static Guid Uuid(this Validation v, string field, string? value)
    {
        if (Guid.TryParseExact(value, "D", out var id) && id != Guid.Empty) return id;
        v.Add(field, "Must be a UUID.");
        return Guid.Empty;
    }
}
