using Platform.AppHost.Model;

namespace Platform.AppHost.Development;

/// <summary>
/// Local sign-in for every service: one issuer, one audience and the development signing key (as a real Aspire app
/// would inject an identity provider's settings). Identity also gets its development issuer switched on.
/// </summary>
public static class DevelopmentIdentity
{
    public const string Issuer = "https://identity.platform.local";
    public const string Audience = "platform";

    public static ResourceBuilder<ProjectResource> WithDevelopmentAuthentication(this ResourceBuilder<ProjectResource> project, string signingKey) =>
        project
            .WithEnvironment("Authentication__Jwt__Issuer", Issuer)
            .WithEnvironment("Authentication__Jwt__Audience", Audience)
            .WithEnvironment("Authentication__Jwt__SigningKey", signingKey);

    public static ResourceBuilder<ProjectResource> WithDevelopmentIssuer(this ResourceBuilder<ProjectResource> project) =>
        project.WithEnvironment("Identity__DevelopmentIssuer__Enabled", "true");
}
