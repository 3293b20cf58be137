using System.Security.Cryptography;
using Platform.Grpc;
using Xunit;

namespace Platform.Testing.Services;

/// <summary>Call options and keys for calling a hosted service as someone (or no one).</summary>
public static class Credentials
{
    /// <summary>A call carrying <paramref name="credential"/> (a JWT or an API key secret) as its bearer; null: none.</summary>
    public static CallOptions Bearer(string? credential) => new()
    {
        CancellationToken = TestContext.Current.CancellationToken,
        Credentials = credential is null ? null : _ => ValueTask.FromResult(credential),
    };

    /// <summary>A fresh development signing key (base64, 256 bits), as <c>Authentication:Jwt:SigningKey</c> takes it.</summary>
    public static string NewSigningKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
}
