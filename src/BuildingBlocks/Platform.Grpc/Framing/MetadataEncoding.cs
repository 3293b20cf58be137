using Microsoft.Extensions.Primitives;

namespace Platform.Grpc.Framing;

/// <summary>Metadata to and from header values: <c>-bin</c> values are base64, sent unpadded, read padded or not.</summary>
internal static class MetadataEncoding
{
    public static string ToHeaderValue(MetadataEntry entry) =>
        entry.IsBinary ? Convert.ToBase64String(entry.ValueBytes!).TrimEnd('=') : entry.Value!;

    /// <summary>Adds a received header to <paramref name="metadata"/>; false when a binary value is not base64.</summary>
    public static bool TryAdd(Metadata metadata, string name, StringValues values)
    {
        var key = name.ToLowerInvariant();
        var binary = key.EndsWith(Metadata.BinarySuffix, StringComparison.Ordinal);
        foreach (var value in values)
        {
            if (value is null) continue;
            if (!binary)
            {
                metadata.Add(MetadataEntry.Received(key, value, null));
                continue;
            }
            // Several binary values may share one header, separated by commas (base64 has no commas).
            foreach (var part in value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (!TryDecodeBase64(part, out var bytes)) return false;
                metadata.Add(MetadataEntry.Received(key, null, bytes));
            }
        }
        return true;
    }

    public static bool TryDecodeBase64(string value, out byte[] bytes)
    {
        var padding = (4 - value.Length % 4) % 4;
        if (padding == 3) { bytes = []; return false; }
        var padded = padding == 0 ? value : value + new string('=', padding);
        bytes = new byte[padded.Length / 4 * 3];
        if (!Convert.TryFromBase64String(padded, bytes, out var written)) return false;
        if (written != bytes.Length) bytes = bytes[..written];
        return true;
    }
}
