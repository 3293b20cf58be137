namespace Platform.Hosting.Local;

/// <summary>A local server could not be installed, started or reached; the message says what to do.</summary>
public sealed class LocalServerException(string message, Exception? inner = null) : Exception(message, inner);
