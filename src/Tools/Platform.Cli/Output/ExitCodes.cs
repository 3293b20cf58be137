using Platform.Grpc;

namespace Platform.Cli.Output;

/// <summary>Exit codes scripts can rely on (docs/cli.md).</summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    public const int Failure = 1;
    public const int InvalidArgument = 2;
    public const int NotFoundOrDenied = 3;
    public const int Unauthenticated = 4;
    public const int ChainBroken = 5;

    public static int For(StatusCode code) => code switch
    {
        StatusCode.InvalidArgument or StatusCode.OutOfRange => InvalidArgument,
        StatusCode.NotFound or StatusCode.PermissionDenied => NotFoundOrDenied,
        StatusCode.Unauthenticated => Unauthenticated,
        _ => Failure,
    };
}
