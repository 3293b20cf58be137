namespace Platform.Grpc.Tests.Support;

/// <summary>Which test server answered, how many calls it served, and whether it pretends to be unavailable.</summary>
public sealed class ServerIdentity(string name)
{
    private int _calls;

    public string Name { get; } = name;

    public bool Unavailable { get; set; }

    /// <summary>Bidi sends its response headers before reading anything.</summary>
    public bool GreetFirst { get; set; }

    public int Calls => Volatile.Read(ref _calls);

    public void CountCall() => Interlocked.Increment(ref _calls);
}
