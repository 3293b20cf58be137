using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Platform.Authentication.Tokens;
using Platform.Grpc;

namespace Platform.Authentication;

public static class Extensions
{
    /// <summary>JWT validation from <c>Authentication:Jwt</c>, the development issuer's signing and service tokens.</summary>
    public static IHostApplicationBuilder AddPlatformAuthentication(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<JwtSettings>(builder.Configuration.GetSection(JwtSettings.SectionName));
        builder.Services.AddHttpClient(nameof(SigningKeySource));
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<SigningKeySource>();
        builder.Services.AddSingleton<JwtTokenValidator>();
        builder.Services.AddSingleton<DevelopmentTokenIssuer>();
        builder.Services.AddSingleton<ServiceTokenSource>();
        builder.Services.AddSingleton<IBearerAuthenticator, JwtBearerAuthenticator>();
        return builder;
    }
}
