using Platform.Contracts.Identity.V1;
using Platform.Contracts.Keys.V1;
using Platform.Grpc;
using Platform.Keys.Tests.Hosting;
using Platform.Testing;

namespace Platform.Keys.Tests;

/// <summary>Removing a member in Identity disables their keys in that organization (through MemberRemoved); an admin may re-enable.</summary>
public sealed class MemberRemovalTests(KeysEnvironment env) : IClassFixture<KeysEnvironment>
{
    [Fact]
    public async Task A_removed_members_keys_stop_authenticating_and_an_admin_can_enable_one_again()
    {
        var org = await env.CreateOrganizationAsync();
        var memberKeys = new[]
        {
            await env.Keys.CreateKeyAsync(org.Member.Call, org.AccountId, "one"),
            await env.Keys.CreateKeyAsync(org.Member.Call, org.AccountId, "two"),
        };
        var personal = await env.Keys.CreateKeyAsync(org.Member.Call, org.Member.PersonalAccountId, "mine");
        var adminKey = await env.Keys.CreateKeyAsync(org.Admin.Call, org.AccountId, "admin's");
        foreach (var k in memberKeys) Assert.True(await env.AuthenticatesAsync(k.Secret)); // cached now

        await env.Organizations.RemoveMemberAsync(new RemoveMemberRequest { OrganizationId = org.OrganizationId, UserId = org.Member.UserId }, org.Admin.Call);

        await Eventually.HoldsAsync(async () => !await env.AuthenticatesAsync(memberKeys[0].Secret) && !await env.AuthenticatesAsync(memberKeys[1].Secret),
            "the removed member's keys stop authenticating");
        Assert.True(await env.AuthenticatesAsync(adminKey.Secret));
        Assert.True(await env.AuthenticatesAsync(personal.Secret));
        var disabled = await env.Keys.GetKeyAsync(new GetKeyRequest { Hash = memberKeys[0].Key.Hash }, org.Admin.Call);
        Assert.Equal((true, "member removed from organization"), (disabled.Disabled, disabled.DisabledReason));
        var stream = await env.KeyStreamAsync(memberKeys[0].Key.Hash);
        Assert.Contains("\"actor\":\"service:keys\"", stream.Single(e => e.Type == "keys.key-disabled").MetadataJson);
        await Eventually.HoldsAsync(async () => await People.StatusOf(() =>
                env.Keys.ListKeysAsync(new ListKeysRequest { AccountId = org.AccountId }, org.Member.Call)) == StatusCode.NotFound,
            "the former member no longer sees the organization's keys");

        var enabled = await env.Keys.UpdateKeyAsync(new UpdateKeyRequest { Hash = memberKeys[0].Key.Hash, Disabled = false }, org.Admin.Call);

        Assert.Equal((false, ""), (enabled.Disabled, enabled.DisabledReason));
        Assert.True(await env.AuthenticatesAsync(memberKeys[0].Secret));
        Assert.False(await env.AuthenticatesAsync(memberKeys[1].Secret));
    }

    [Fact]
    public async Task A_member_promoted_to_admin_sees_every_key_once_the_role_change_arrives()
    {
        var org = await env.CreateOrganizationAsync();
        var adminKey = await env.Keys.CreateKeyAsync(org.Admin.Call, org.AccountId, "admin's");
        var before = await env.Keys.ListKeysAsync(new ListKeysRequest { AccountId = org.AccountId }, org.Member.Call); // role cached as member
        Assert.Equal(0, before.TotalCount);

        await env.Organizations.ChangeMemberRoleAsync(new ChangeMemberRoleRequest
        {
            OrganizationId = org.OrganizationId, UserId = org.Member.UserId, Role = Role.Admin,
        }, org.Admin.Call);

        await Eventually.HoldsAsync(async () =>
                (await env.Keys.ListKeysAsync(new ListKeysRequest { AccountId = org.AccountId }, org.Member.Call)).Keys.Any(k => k.Hash == adminKey.Key.Hash),
            "the new admin lists the organization's keys");
    }
}
