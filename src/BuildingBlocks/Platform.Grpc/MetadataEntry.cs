namespace Platform.Grpc;

/// <summary>One metadata pair. Text entries have <see cref="Value"/>; binary (<c>-bin</c>) entries have <see cref="ValueBytes"/>.</summary>
public sealed class MetadataEntry
{
    private MetadataEntry(string key, string? value, byte[]? valueBytes)
    {
        Key = key;
        Value = value;
        ValueBytes = valueBytes;
    }

    public string Key { get; }

    public string? Value { get; }

    public byte[]? ValueBytes { get; }

    public bool IsBinary => ValueBytes is not null;

    public static MetadataEntry Text(string key, string value)
    {
        key = NormalizeKey(key);
        if (key.EndsWith(Metadata.BinarySuffix, StringComparison.Ordinal))
            throw new ArgumentException($"Metadata key '{key}' ends in '-bin' and needs a byte[] value.", nameof(key));
        ArgumentNullException.ThrowIfNull(value);
        foreach (var c in value)
            if (c < 0x20 || c > 0x7E)
                throw new ArgumentException($"The value of metadata key '{key}' must be printable ASCII.", nameof(value));
        return new MetadataEntry(key, value, null);
    }

    public static MetadataEntry Binary(string key, byte[] value)
    {
        key = NormalizeKey(key);
        if (!key.EndsWith(Metadata.BinarySuffix, StringComparison.Ordinal))
            throw new ArgumentException($"Metadata key '{key}' has a byte[] value and must end in '-bin'.", nameof(key));
        ArgumentNullException.ThrowIfNull(value);
        return new MetadataEntry(key, null, value);
    }

    // Received headers were validated by HTTP/2; only the prefix rule differs (we surface grpc-status-details-bin).
    internal static MetadataEntry Received(string key, string? value, byte[]? valueBytes) => new(key, value, valueBytes);

    private static string NormalizeKey(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        key = key.ToLowerInvariant();
        foreach (var c in key)
            if (!(c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-' or '_' or '.'))
                throw new ArgumentException($"Metadata key '{key}' may only contain a-z, 0-9, '-', '_' and '.'.", nameof(key));
        if (key.StartsWith("grpc-", StringComparison.Ordinal))
            throw new ArgumentException($"Metadata key '{key}' is reserved: the grpc- prefix belongs to the protocol.", nameof(key));
        return key;
    }

    public override string ToString() => IsBinary ? $"{Key}: <{ValueBytes!.Length} bytes>" : $"{Key}: {Value}";
}
