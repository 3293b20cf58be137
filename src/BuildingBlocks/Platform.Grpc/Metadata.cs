using System.Collections;

namespace Platform.Grpc;

/// <summary>
/// gRPC metadata: ordered key/value pairs sent as HTTP/2 headers or trailers. Keys are lower case;
/// keys ending in <c>-bin</c> carry bytes (base64 on the wire), the others printable ASCII.
/// </summary>
public sealed class Metadata : IEnumerable<MetadataEntry>
{
    public const string BinarySuffix = "-bin";

    private readonly List<MetadataEntry> _entries = [];

    public int Count => _entries.Count;

    public MetadataEntry this[int index] => _entries[index];

    public Metadata Add(string key, string value)
    {
        _entries.Add(MetadataEntry.Text(key, value));
        return this;
    }

    public Metadata Add(string key, byte[] value)
    {
        _entries.Add(MetadataEntry.Binary(key, value));
        return this;
    }

    public Metadata Add(MetadataEntry entry)
    {
        _entries.Add(entry);
        return this;
    }

    /// <summary>The first text value of <paramref name="key"/>, or null.</summary>
    public string? GetValue(string key)
    {
        foreach (var entry in _entries)
            if (!entry.IsBinary && string.Equals(entry.Key, key, StringComparison.OrdinalIgnoreCase)) return entry.Value;
        return null;
    }

    /// <summary>The first binary value of <paramref name="key"/> (which ends in <c>-bin</c>), or null.</summary>
    public byte[]? GetBinaryValue(string key)
    {
        foreach (var entry in _entries)
            if (entry.IsBinary && string.Equals(entry.Key, key, StringComparison.OrdinalIgnoreCase)) return entry.ValueBytes;
        return null;
    }

    public IEnumerable<MetadataEntry> GetAll(string key) =>
        _entries.Where(e => string.Equals(e.Key, key, StringComparison.OrdinalIgnoreCase));

    public List<MetadataEntry>.Enumerator GetEnumerator() => _entries.GetEnumerator();

    IEnumerator<MetadataEntry> IEnumerable<MetadataEntry>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
