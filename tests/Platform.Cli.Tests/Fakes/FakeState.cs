using System.Collections.Concurrent;

namespace Platform.Cli.Tests.Fakes;

/// <summary>What the fake services answer with, and what they were sent.</summary>
public sealed class FakeState
{
    public const string Token = "eyJ.fake-user-token.sig";
    public const string UserId = "0197a000-0000-7000-8000-000000000001";
    public const string AccountId = "0197a000-0000-7000-8000-0000000000a1";
    public const string KeyHash = "0123456789abcdef0123456789abcdef";
    public const string Secret = "sk-plt-v1-abc1111111111111111111111111111111111111111111111111111111f9e";

    /// <summary>Bearer credentials received, in order.</summary>
    public ConcurrentQueue<string?> Credentials { get; } = new();

    public ConcurrentQueue<Google.Protobuf.IMessage> Requests { get; } = new();
}
