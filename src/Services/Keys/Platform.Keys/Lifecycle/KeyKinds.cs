using Platform.Contracts.Keys.V1;

namespace Platform.Keys.Lifecycle;

/// <summary>The kinds as stored ("inference", "management") and as the proto spells them.</summary>
public static class KeyKinds
{
    public const string Inference = "inference";
    public const string Management = "management";

    public static string From(KeyKind kind) => kind == KeyKind.Management ? Management : Inference;

    public static KeyKind ToProto(string kind) => kind == Management ? KeyKind.Management : KeyKind.Inference;
}
