using Platform.Audit.V1;
using Platform.Contracts.Keys.V1;

namespace Platform.Keys.Tests.Hosting;

public static class KeyAssertions
{
    /// <summary>Whether Authenticate (as a platform service) accepts the secret, through the given Keys instance.</summary>
    public static async Task<bool> AuthenticatesAsync(this KeysEnvironment env, string secret, int instance = 0) =>
        await People.StatusOf(() => env.KeysOn(instance).AuthenticateAsync(new AuthenticateRequest { Secret = secret }, env.AsService())) switch
        {
            Platform.Grpc.StatusCode.OK => true,
            Platform.Grpc.StatusCode.Unauthenticated => false,
            var other => throw new InvalidOperationException($"Authenticate ended with {other}."),
        };

    /// <summary>The key's stream as an auditor reads it through the Audit service.</summary>
    public static async Task<IReadOnlyList<AuditEvent>> KeyStreamAsync(this KeysEnvironment env, string hash)
    {
        var auditor = await env.SignInAsync("auditor", "auditor");
        var page = await env.Audit.ReadStreamAsync(new ReadStreamRequest { StreamId = $"key-{hash}", PageSize = 1000 }, auditor.Call);
        return page.Events;
    }
}
