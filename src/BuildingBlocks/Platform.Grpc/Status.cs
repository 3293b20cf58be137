namespace Platform.Grpc;

/// <summary>The outcome of a call: a code and a message meant for the caller.</summary>
public readonly record struct Status(StatusCode StatusCode, string Detail)
{
    public static Status Ok { get; } = new(StatusCode.OK, "");

    public override string ToString() => $"Status(StatusCode=\"{StatusCode}\", Detail=\"{Detail}\")";
}
