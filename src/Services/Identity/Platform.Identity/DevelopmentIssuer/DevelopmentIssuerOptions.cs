namespace Platform.Identity.DevelopmentIssuer;

public static class DevelopmentIssuerOptions
{
    /// <summary>Maps the DevelopmentIssuer gRPC service when true; never set it where real users are.</summary>
    public const string EnabledKey = "Identity:DevelopmentIssuer:Enabled";
}
