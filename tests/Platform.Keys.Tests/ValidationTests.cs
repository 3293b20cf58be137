using Google.Protobuf.WellKnownTypes;
using Platform.Contracts.Keys.V1;
using Platform.Grpc;
using Platform.Keys.Tests.Hosting;

namespace Platform.Keys.Tests;

/// <summary>Bad input is refused with every offending field named, and nothing changes.</summary>
public sealed class ValidationTests(KeysEnvironment env) : IClassFixture<KeysEnvironment>
{
    [Fact]
    public async Task Create_names_every_bad_field_and_creates_nothing()
    {
        var org = await env.CreateOrganizationAsync();

        var errors = new[]
        {
            await Fields(() => env.Keys.CreateKeyAsync(new CreateKeyRequest
            {
                AccountId = org.AccountId, Name = " ", Limit = "-1", LimitReset = "yearly",
                ExpiresAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddMinutes(-1)),
            }, org.Admin.Call)),
            await Fields(() => env.Keys.CreateKeyAsync(new CreateKeyRequest
            {
                AccountId = "not-a-uuid", Name = new string('n', 201), Limit = "1.1234567", Kind = (KeyKind)7,
            }, org.Admin.Call)),
            await Fields(() => env.Keys.CreateKeyAsync(new CreateKeyRequest { AccountId = org.AccountId, Name = "x", Limit = "12,5" }, org.Admin.Call)),
        };

        Assert.Equal(["name", "limit", "limit_reset", "expires_at"], errors[0]);
        Assert.Equal(["account_id", "name", "kind", "limit"], errors[1]);
        Assert.Equal(["limit"], errors[2]);
        var listed = await env.Keys.ListKeysAsync(new ListKeysRequest { AccountId = org.AccountId, IncludeDisabled = true }, org.Admin.Call);
        Assert.Equal(0, listed.TotalCount);
    }

    [Fact]
    public async Task Update_rotate_list_and_get_refuse_bad_fields_and_change_nothing()
    {
        var org = await env.CreateOrganizationAsync();
        var created = await env.Keys.CreateKeyAsync(new CreateKeyRequest { AccountId = org.AccountId, Name = "ci", Limit = "5" }, org.Admin.Call);
        var hash = created.Key.Hash;

        var update = await Fields(() => env.Keys.UpdateKeyAsync(new UpdateKeyRequest { Hash = hash, Name = "", Limit = "abc", LimitReset = "hourly", Disabled = true }, org.Admin.Call));
        var rotate = await Fields(() => env.Keys.RotateKeyAsync(new RotateKeyRequest { Hash = hash, GracePeriod = Duration.FromTimeSpan(TimeSpan.FromDays(8)) }, org.Admin.Call));
        var negativeGrace = await Fields(() => env.Keys.RotateKeyAsync(new RotateKeyRequest { Hash = hash, GracePeriod = Duration.FromTimeSpan(TimeSpan.FromSeconds(-1)) }, org.Admin.Call));
        var list = await Fields(() => env.Keys.ListKeysAsync(new ListKeysRequest { AccountId = org.AccountId, Offset = -1, Limit = 201 }, org.Admin.Call));
        var get = await Fields(() => env.Keys.GetKeyAsync(new GetKeyRequest { Hash = "XYZ" }, org.Admin.Call));
        var delete = await Fields(() => env.Keys.DeleteKeyAsync(new DeleteKeyRequest { Hash = hash.ToUpperInvariant() }, org.Admin.Call));

        Assert.Equal(["name", "limit", "limit_reset"], update);
        Assert.Equal(["grace_period"], rotate);
        Assert.Equal(["grace_period"], negativeGrace);
        Assert.Equal(["offset", "limit"], list);
        Assert.Equal(["hash"], get);
        Assert.Equal(["hash"], delete);
        Assert.Equal(created.Key, await env.Keys.GetKeyAsync(new GetKeyRequest { Hash = hash }, org.Admin.Call));
        Assert.True(await env.AuthenticatesAsync(created.Secret));
        Assert.Single(await env.KeyStreamAsync(hash));
    }

    private static async Task<IReadOnlyList<string>> Fields(Func<Task> call)
    {
        var error = await Assert.ThrowsAsync<RpcException>(call);
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        return error.GetFieldViolations().Select(v => v.Field).ToList();
    }
}
