namespace Platform.Authentication.Callers;

public enum CallerKind
{
    Anonymous,
    User,
    /// <summary>A platform service (JWT with scope platform.service): Hold, Settle, Record, Authenticate, GetAccess.</summary>
    Service,
    /// <summary>Manages keys, guardrails and activity of its account; never calls models.</summary>
    ManagementKey,
    /// <summary>Calls models and reads its own key; nothing else.</summary>
    InferenceKey,
}
