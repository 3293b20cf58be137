using Platform.Audit.V1;
using Platform.Contracts.Keys.V1;
using Platform.Grpc;
using Platform.Keys.Tests.Hosting;

namespace Platform.Keys.Tests;

/// <summary>Every Keys RPC, and the Audit service's on the Keys service, as every kind of caller; each outcome asserted.</summary>
public sealed class AuthorizationMatrixTests(AuthorizationWorld world) : IClassFixture<AuthorizationWorld>
{
    private const StatusCode Ok = StatusCode.OK, Denied = StatusCode.PermissionDenied, NotFound = StatusCode.NotFound, Unauth = StatusCode.Unauthenticated;

    private static readonly string[] Callers =
        ["admin", "member", "other org member", "management key", "inference key", "disabled key", "expired key", "deleted key", "service", "auditor",
            "no credential"];

    // One row per RPC, one column per caller (in the order of Callers).
    private static readonly Dictionary<string, StatusCode[]> Expected = new()
    {
        ["CreateKey"] = [Ok, Ok, NotFound, Ok, Denied, Unauth, Unauth, Unauth, Denied, NotFound, Unauth],
        ["ListKeys"] = [Ok, Ok, NotFound, Ok, Denied, Unauth, Unauth, Unauth, Denied, NotFound, Unauth],
        ["GetKey"] = [Ok, Ok, NotFound, Ok, Denied, Unauth, Unauth, Unauth, Denied, NotFound, Unauth],
        ["GetCurrentKey"] = [Denied, Denied, Denied, Ok, Ok, Unauth, Unauth, Unauth, Denied, Denied, Unauth],
        ["UpdateKey"] = [Ok, Ok, NotFound, Ok, Denied, Unauth, Unauth, Unauth, Denied, NotFound, Unauth],
        ["DeleteKey"] = [Ok, Ok, NotFound, Ok, Denied, Unauth, Unauth, Unauth, Denied, NotFound, Unauth],
        ["RotateKey"] = [Ok, Ok, NotFound, Ok, Denied, Unauth, Unauth, Unauth, Denied, NotFound, Unauth],
        ["Authenticate"] = [Denied, Denied, Denied, Denied, Denied, Unauth, Unauth, Unauth, Ok, Denied, Unauth],
        ["Audit.ReadStream"] = [Denied, Denied, Denied, Denied, Denied, Unauth, Unauth, Unauth, Denied, Ok, Unauth],
        ["Audit.VerifyStream"] = [Denied, Denied, Denied, Denied, Denied, Unauth, Unauth, Unauth, Denied, Ok, Unauth],
        ["Audit.ReadAll"] = [Denied, Denied, Denied, Denied, Denied, Unauth, Unauth, Unauth, Denied, Ok, Unauth],
        ["Audit.VerifyAll"] = [Denied, Denied, Denied, Denied, Denied, Unauth, Unauth, Unauth, Denied, Ok, Unauth],
    };

    private string TargetStream => $"key-{world.Target.Key.Hash}";

    public static TheoryData<string, string, StatusCode> Matrix()
    {
        var data = new TheoryData<string, string, StatusCode>();
        foreach (var (rpc, outcomes) in Expected)
            for (var i = 0; i < Callers.Length; i++) data.Add(rpc, Callers[i], outcomes[i]);
        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Each_rpc_as_each_caller(string rpc, string caller, StatusCode expected)
    {
        var as_ = world.Callers[caller]();
        var keys = world.Keys;
        var org = world.Org;

        var actual = await People.StatusOf(rpc switch
        {
            "CreateKey" => () => keys.CreateKeyAsync(as_, org.AccountId, "made by " + caller),
            "ListKeys" => () => keys.ListKeysAsync(new ListKeysRequest { AccountId = org.AccountId }, as_),
            "GetKey" => () => keys.GetKeyAsync(new GetKeyRequest { Hash = world.Target.Key.Hash }, as_),
            "GetCurrentKey" => () => keys.GetCurrentKeyAsync(new GetCurrentKeyRequest(), as_),
            "UpdateKey" => () => keys.UpdateKeyAsync(new UpdateKeyRequest { Hash = world.Target.Key.Hash, Name = "renamed by " + caller }, as_),
            // A fresh key of the member's for each caller, so one caller's delete does not decide the next one's outcome.
            "DeleteKey" => async () =>
            {
                var victim = await keys.CreateKeyAsync(org.Member.Call, org.AccountId, "to delete");
                await keys.DeleteKeyAsync(new DeleteKeyRequest { Hash = victim.Key.Hash }, as_);
            },
            // Rotating the target would retire the secret Authenticate is asked about: rotate a key of its own.
            "RotateKey" => async () =>
            {
                var rotated = await keys.CreateKeyAsync(org.Member.Call, org.AccountId, "to rotate");
                await keys.RotateKeyAsync(new RotateKeyRequest { Hash = rotated.Key.Hash }, as_);
            },
            "Authenticate" => () => keys.AuthenticateAsync(new AuthenticateRequest { Secret = world.Target.Secret }, as_),
            "Audit.ReadStream" => () => world.Audit.ReadStreamAsync(new ReadStreamRequest { StreamId = TargetStream }, as_),
            "Audit.VerifyStream" => () => world.Audit.VerifyStreamAsync(new VerifyStreamRequest { StreamId = TargetStream }, as_),
            "Audit.ReadAll" => async () => await world.Audit.ReadAllAsync(new ReadAllRequest { StreamTypes = { "key" }, MaxCount = 5 }, as_).ToListAsync(),
            "Audit.VerifyAll" => async () => await world.Audit.VerifyAllAsync(new VerifyAllRequest(), as_).ToListAsync(),
            _ => throw new ArgumentOutOfRangeException(nameof(rpc)),
        });

        Assert.Equal(expected, actual);
    }
}
