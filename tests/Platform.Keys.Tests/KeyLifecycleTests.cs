using System.Text.RegularExpressions;
using Platform.Audit.V1;
using Platform.Contracts.Keys.V1;
using Platform.Grpc;
using Platform.Keys.Tests.Hosting;

namespace Platform.Keys.Tests;

public sealed partial class KeyLifecycleTests(KeysEnvironment env) : IClassFixture<KeysEnvironment>
{
    [Fact]
    public async Task A_member_creates_reads_updates_and_deletes_a_key_and_each_step_is_on_the_audited_stream()
    {
        var org = await env.CreateOrganizationAsync();
        var expires = DateTimeOffset.UtcNow.AddDays(30);
        var created = await env.Keys.CreateKeyAsync(new CreateKeyRequest
        {
            AccountId = org.AccountId, Name = "  ci runner ", Limit = "12.50", LimitReset = "monthly",
            ExpiresAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(expires),
        }, org.Member.Call);
        var key = created.Key;

        Assert.Matches(SecretShape(), created.Secret);
        Assert.Matches("^[0-9a-f]{32}$", key.Hash);
        Assert.Equal($"sk-plt-v1-{created.Secret[10..13]}...{created.Secret[^3..]}", key.Label);
        Assert.Equal(("ci runner", KeyKind.Inference, "12.5", "monthly", org.Member.UserId, org.AccountId, false),
            (key.Name, key.Kind, key.Limit, key.LimitReset, key.CreatorUserId, key.AccountId, key.Disabled));
        Assert.Equal(expires.ToUnixTimeSeconds(), key.ExpiresAt.Seconds);
        Assert.Equal(key, await env.Keys.GetKeyAsync(new GetKeyRequest { Hash = key.Hash }, org.Member.Call));
        var authenticated = await env.Keys.AuthenticateAsync(new AuthenticateRequest { Secret = created.Secret }, env.AsService());
        Assert.Equal((key.Hash, KeyKind.Inference, org.AccountId, org.Member.UserId, "12.5", "monthly", false),
            (authenticated.KeyHash, authenticated.Kind, authenticated.AccountId, authenticated.CreatorUserId, authenticated.Limit,
                authenticated.LimitReset, authenticated.PreviousSecret));

        var renamed = await env.Keys.UpdateKeyAsync(new UpdateKeyRequest { Hash = key.Hash, Name = "ci", Limit = "", LimitReset = "" }, org.Member.Call);
        Assert.Equal(("ci", false, ""), (renamed.Name, renamed.HasLimit, renamed.LimitReset));
        var disabled = await env.Keys.UpdateKeyAsync(new UpdateKeyRequest { Hash = key.Hash, Disabled = true }, org.Member.Call);
        Assert.Equal((true, $"disabled by user:{org.Member.UserId}"), (disabled.Disabled, disabled.DisabledReason));
        Assert.False(await env.AuthenticatesAsync(created.Secret));
        await env.Keys.UpdateKeyAsync(new UpdateKeyRequest { Hash = key.Hash, Disabled = false }, org.Member.Call);
        Assert.True(await env.AuthenticatesAsync(created.Secret));

        var deleted = await env.Keys.DeleteKeyAsync(new DeleteKeyRequest { Hash = key.Hash }, org.Member.Call);
        Assert.True(deleted.Deleted);
        Assert.False(await env.AuthenticatesAsync(created.Secret));
        Assert.Equal(StatusCode.NotFound, await People.StatusOf(() => env.Keys.GetKeyAsync(new GetKeyRequest { Hash = key.Hash }, org.Member.Call)));

        var stream = await env.KeyStreamAsync(key.Hash);
        Assert.Equal(["keys.key-created", "keys.key-renamed", "keys.key-limit-changed", "keys.key-disabled", "keys.key-enabled", "keys.key-deleted"],
            stream.Select(e => e.Type));
        Assert.All(stream, e => Assert.Contains($"\"actor\":\"user:{org.Member.UserId}\"", e.MetadataJson));
        // No secret, and no hash of one, ever reaches the log of events.
        var secretHash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(created.Secret)));
        Assert.All(stream, e => Assert.DoesNotContain(created.Secret[10..], e.DataJson + e.MetadataJson));
        Assert.All(stream, e => Assert.DoesNotContain(secretHash, e.DataJson + e.MetadataJson));
        var auditor = await env.SignInAsync("auditor", "auditor");
        var verified = await env.Audit.VerifyStreamAsync(new VerifyStreamRequest { StreamId = $"key-{key.Hash}" }, auditor.Call);
        Assert.True(verified.Valid);
        Assert.Equal(6, verified.EventsChecked);
        // Nor into any service's logs.
        Assert.DoesNotContain(env.KeysHosts.Concat([env.Identity]).SelectMany(h => h.Logs.Lines), line => line.Contains(created.Secret[10..]));
    }

    [Fact]
    public async Task Members_list_only_their_own_keys_admins_list_all_and_pages_cover_everything_once()
    {
        var org = await env.CreateOrganizationAsync();
        var memberKeys = new List<string>();
        for (var i = 0; i < 3; i++) memberKeys.Add((await env.Keys.CreateKeyAsync(org.Member.Call, org.AccountId, $"member {i}")).Key.Hash);
        var adminKeys = new List<string>();
        for (var i = 0; i < 2; i++) adminKeys.Add((await env.Keys.CreateKeyAsync(org.Admin.Call, org.AccountId, $"admin {i}")).Key.Hash);
        await env.Keys.UpdateKeyAsync(new UpdateKeyRequest { Hash = memberKeys[0], Disabled = true }, org.Member.Call);

        var memberEnabled = await env.Keys.ListKeysAsync(new ListKeysRequest { AccountId = org.AccountId }, org.Member.Call);
        var memberAll = await env.Keys.ListKeysAsync(new ListKeysRequest { AccountId = org.AccountId, IncludeDisabled = true }, org.Member.Call);
        var adminAll = await env.Keys.ListKeysAsync(new ListKeysRequest { AccountId = org.AccountId, IncludeDisabled = true }, org.Admin.Call);
        var pages = new List<string>();
        for (var offset = 0; offset < 5; offset += 2)
        {
            var page = await env.Keys.ListKeysAsync(new ListKeysRequest { AccountId = org.AccountId, IncludeDisabled = true, Offset = offset, Limit = 2 }, org.Admin.Call);
            Assert.Equal(5, page.TotalCount);
            pages.AddRange(page.Keys.Select(k => k.Hash));
        }

        Assert.Equal(2, memberEnabled.TotalCount);
        Assert.Equal(memberKeys.Skip(1).Order(), memberEnabled.Keys.Select(k => k.Hash).Order());
        Assert.Equal(memberKeys.Order(), memberAll.Keys.Select(k => k.Hash).Order());
        Assert.Equal(memberKeys.Concat(adminKeys).Order(), adminAll.Keys.Select(k => k.Hash).Order());
        Assert.Equal(memberKeys.Concat(adminKeys).Order(), pages.Order());
        Assert.Equal(StatusCode.NotFound, await People.StatusOf(() => env.Keys.GetKeyAsync(new GetKeyRequest { Hash = adminKeys[0] }, org.Member.Call)));
        Assert.Equal(StatusCode.NotFound, await People.StatusOf(() =>
            env.Keys.UpdateKeyAsync(new UpdateKeyRequest { Hash = adminKeys[0], Disabled = true }, org.Member.Call)));
        Assert.Equal(StatusCode.PermissionDenied, await People.StatusOf(() =>
            env.Keys.CreateKeyAsync(org.Member.Call, org.AccountId, "escalation", KeyKind.Management)));
        var outsider = await env.SignInAsync("outsider");
        Assert.Equal(StatusCode.NotFound, await People.StatusOf(() =>
            env.Keys.ListKeysAsync(new ListKeysRequest { AccountId = org.AccountId }, outsider.Call)));
    }

    [Fact]
    public async Task A_person_manages_keys_of_their_personal_account_and_nobody_else_sees_them()
    {
        var owner = await env.SignInAsync("owner");
        var other = await env.SignInAsync("other");
        var created = await env.Keys.CreateKeyAsync(owner.Call, owner.PersonalAccountId, "laptop", KeyKind.Management);

        var listed = await env.Keys.ListKeysAsync(new ListKeysRequest { AccountId = owner.PersonalAccountId }, owner.Call);
        var asKey = await env.Keys.ListKeysAsync(new ListKeysRequest { AccountId = owner.PersonalAccountId }, Credentials.Bearer(created.Secret));

        Assert.Equal([created.Key.Hash], listed.Keys.Select(k => k.Hash));
        Assert.Equal([created.Key.Hash], asKey.Keys.Select(k => k.Hash));
        Assert.Equal(StatusCode.NotFound, await People.StatusOf(() => env.Keys.GetKeyAsync(new GetKeyRequest { Hash = created.Key.Hash }, other.Call)));
        Assert.Equal(StatusCode.NotFound, await People.StatusOf(() =>
            env.Keys.ListKeysAsync(new ListKeysRequest { AccountId = owner.PersonalAccountId }, other.Call)));
    }

    [Fact]
    public async Task Unknown_and_malformed_secrets_are_unauthenticated_as_bearer_and_to_authenticate()
    {
        string[] secrets = ["sk-plt-v1-" + new string('a', 64), "sk-plt-v1-short", "sk-plt-v1-" + new string('A', 64), "sk-other"];

        foreach (var secret in secrets)
        {
            Assert.False(await env.AuthenticatesAsync(secret));
            Assert.Equal(StatusCode.Unauthenticated, await People.StatusOf(() => env.Keys.GetCurrentKeyAsync(new GetCurrentKeyRequest(), Credentials.Bearer(secret))));
        }
    }

    [GeneratedRegex("^sk-plt-v1-[0-9a-f]{64}$")]
    private static partial Regex SecretShape();
}
