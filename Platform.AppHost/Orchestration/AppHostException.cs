namespace Platform.AppHost.Orchestration;

/// <summary>The AppHost cannot go on; the message says why and what to do.</summary>
public sealed class AppHostException(string message, Exception? inner = null) : Exception(message, inner);
