using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Platform.Grpc;

/// <summary>Runs the registered authenticators on the call's credential. The credential itself never leaves this method.</summary>
internal static class BearerAuthentication
{
    private const string Scheme = "Bearer ";

    public static ValueTask AuthenticateAsync(HttpContext http, ServerCallContext call)
    {
        // The typed property: Kestrel keeps known headers in fields, so this is a bit test rather than a name lookup.
        var header = http.Request.Headers.Authorization;
        // No credential: the handler sees the anonymous principal and decides itself.
        if (header.Count == 0) return ValueTask.CompletedTask;
        return AuthenticateAsync(http, call, header.ToString());
    }

    private static async ValueTask AuthenticateAsync(HttpContext http, ServerCallContext call, string header)
    {
        if (!header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) || header.Length == Scheme.Length)
            throw new RpcException(StatusCode.Unauthenticated, "The authorization metadata must be 'Bearer <credential>'.");
        var credential = header[Scheme.Length..].Trim();
        foreach (var authenticator in http.RequestServices.GetServices<IBearerAuthenticator>())
        {
            var principal = await authenticator.AuthenticateAsync(credential, call.CancellationToken).ConfigureAwait(false);
            if (principal is null) continue;
            http.User = principal;
            call.User = principal;
            return;
        }
        throw new RpcException(StatusCode.Unauthenticated, "The bearer credential was not accepted.");
    }
}
