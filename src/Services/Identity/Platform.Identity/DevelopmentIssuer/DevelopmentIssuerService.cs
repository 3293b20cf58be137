using Google.Protobuf.WellKnownTypes;
using Platform.Authentication.Tokens;
using Platform.Contracts.Identity.V1;
using Platform.Domain;
using Platform.Grpc;
using Platform.Identity.Grpc;

namespace Platform.Identity.DevelopmentIssuer;

/// <summary>
/// <c>platform.identity.v1.DevelopmentIssuer</c>: signs tokens with the development key for anyone who asks. Mapped only
/// when <see cref="DevelopmentIssuerOptions.EnabledKey"/> is true (the AppHost and tests), so it needs no credential.
/// </summary>
[GrpcService(typeof(DevelopmentIssuerReflection), "platform.identity.v1.DevelopmentIssuer")]
public sealed class DevelopmentIssuerService(DevelopmentTokenIssuer issuer, DevelopmentSubjects subjects, ILogger<DevelopmentIssuerService> logger)
{
    private static readonly string[] PlatformRoles = ["", "support", "auditor"];

    public async Task<IssueTokenResponse> IssueToken(IssueTokenRequest request, ServerCallContext context)
    {
        var v = new Validation();
        var email = Input.Email(v, "email", request.Email);
        var name = request.Name.Trim();
        v.When(name.Length > Input.MaxNameLength, "name", $"Must be at most {Input.MaxNameLength} characters.")
         .When(!PlatformRoles.Contains(request.PlatformRole), "platform_role", "Must be empty, \"support\" or \"auditor\".");
        v.ThrowIfInvalid();
        RequireAvailable();
        var subject = (await subjects.SubjectForAsync(email, context.CancellationToken)).ToString();
        var token = issuer.IssueUserToken(subject, email, name.Length > 0 ? name : email.Split('@')[0], !request.EmailUnverified,
            request.PlatformRole is "" ? null : request.PlatformRole);
        Log.DevelopmentTokenIssued(logger, subject);
        return Response(token);
    }

    public Task<IssueTokenResponse> IssueServiceToken(IssueServiceTokenRequest request, ServerCallContext context)
    {
        var serviceName = request.ServiceName;
        new Validation().When(serviceName.Length is 0 or > 63 || !serviceName.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-'),
            "service_name", "Must be 1 to 63 characters: a-z, 0-9 and '-'.").ThrowIfInvalid();
        RequireAvailable();
        var token = issuer.IssueServiceToken(serviceName);
        Log.DevelopmentTokenIssued(logger, token.Subject);
        return Task.FromResult(Response(token));
    }

    private void RequireAvailable()
    {
        if (!issuer.IsAvailable) throw new FailedPreconditionException("The development issuer needs Authentication:Jwt:Issuer and :SigningKey.");
    }

    private static IssueTokenResponse Response(IssuedToken token) =>
        new() { AccessToken = token.AccessToken, UserId = token.Subject, ExpiresAt = Timestamp.FromDateTimeOffset(token.ExpiresAt) };
}
