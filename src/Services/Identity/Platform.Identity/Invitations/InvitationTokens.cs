using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace Platform.Identity.Invitations;

/// <summary>Invitation tokens: 32 CSPRNG bytes, base64url; only their SHA-256 is stored.</summary>
public static class InvitationTokens
{
    public static string New() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    public static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));
}
