using Google.Protobuf.WellKnownTypes;
using Platform.Contracts.Keys.V1;
using Platform.Grpc;
using Platform.Testing;

namespace Platform.Keys.Tests.Hosting;

/// <summary>
/// Everyone the authorization matrix calls as: an organization's admin and member, a member of another organization,
/// the organization's management and inference keys, a disabled, an expired and a deleted key, a platform service,
/// a platform auditor (no membership) and nobody. Keys run on a manual clock so the expired key is expired without waiting.
/// </summary>
public sealed class AuthorizationWorld(LocalServers servers) : ClockedKeysEnvironment(servers)
{
    public TestOrganization Org { get; private set; } = null!;
    public IReadOnlyDictionary<string, Func<CallOptions>> Callers { get; private set; } = null!;
    /// <summary>A live inference key of the member's (the target of key-level calls; its secret is what Authenticate is asked about).</summary>
    public CreateKeyResponse Target { get; private set; } = null!;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        Org = await this.CreateOrganizationAsync("Matrix");
        var other = await this.CreateOrganizationAsync("Elsewhere");
        Target = await Keys.CreateKeyAsync(Org.Member.Call, Org.AccountId, "target");
        var management = await Keys.CreateKeyAsync(Org.Admin.Call, Org.AccountId, "management", KeyKind.Management);
        var inference = await Keys.CreateKeyAsync(Org.Member.Call, Org.AccountId, "inference");
        var disabled = await Keys.CreateKeyAsync(Org.Admin.Call, Org.AccountId, "disabled", KeyKind.Management);
        await Keys.UpdateKeyAsync(new UpdateKeyRequest { Hash = disabled.Key.Hash, Disabled = true }, Org.Admin.Call);
        var deleted = await Keys.CreateKeyAsync(Org.Admin.Call, Org.AccountId, "deleted", KeyKind.Management);
        await Keys.DeleteKeyAsync(new DeleteKeyRequest { Hash = deleted.Key.Hash }, Org.Admin.Call);
        var expired = await Keys.CreateKeyAsync(new CreateKeyRequest
        {
            AccountId = Org.AccountId, Name = "expired", Kind = KeyKind.Management,
            ExpiresAt = Timestamp.FromDateTimeOffset(Clock.GetUtcNow().AddMinutes(1)),
        }, Org.Admin.Call);
        Clock.Advance(TimeSpan.FromMinutes(2));
        var auditor = await this.SignInAsync("auditor", "auditor");

        Callers = new Dictionary<string, Func<CallOptions>>
        {
            ["admin"] = () => Org.Admin.Call,
            ["member"] = () => Org.Member.Call,
            ["other org member"] = () => other.Member.Call,
            ["management key"] = () => Credentials.Bearer(management.Secret),
            ["inference key"] = () => Credentials.Bearer(inference.Secret),
            ["disabled key"] = () => Credentials.Bearer(disabled.Secret),
            ["expired key"] = () => Credentials.Bearer(expired.Secret),
            ["deleted key"] = () => Credentials.Bearer(deleted.Secret),
            ["service"] = () => AsService(),
            ["auditor"] = () => auditor.Call,
            ["no credential"] = () => Credentials.Bearer(null),
        };
    }
}
