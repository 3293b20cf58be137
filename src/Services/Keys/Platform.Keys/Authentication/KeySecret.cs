using System.Security.Cryptography;
using System.Text;

namespace Platform.Keys.Authentication;

/// <summary>
/// Secrets: <c>sk-plt-v1-</c> + 64 lowercase hex from a CSPRNG. Only their SHA-256 is stored; the secret itself is
/// returned once and never logged, stored or put in events.
/// </summary>
public static class KeySecret
{
    public const string Prefix = "sk-plt-v1-";
    public const int Length = 10 + 64;

    public static string New() => Prefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    /// <summary>A key's stable public id: 32 lowercase hex, random (never derived from a secret).</summary>
    public static string NewKeyHash() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    public static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    /// <summary>"sk-plt-v1-abc...f9e": recognisable in listings without revealing the secret.</summary>
    public static string Label(string secret) => $"{Prefix}{secret[Prefix.Length..(Prefix.Length + 3)]}...{secret[^3..]}";

    /// <summary>Has the shape of a secret (so malformed input never reaches the database).</summary>
    public static bool IsWellFormed(string? secret) =>
        secret is { Length: Length } && secret.StartsWith(Prefix, StringComparison.Ordinal) &&
        secret.AsSpan(Prefix.Length).IndexOfAnyExcept("0123456789abcdef") < 0;
}
