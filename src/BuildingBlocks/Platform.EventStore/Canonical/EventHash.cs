using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Platform.EventStore;

/// <summary>The fields of an event that its chain link covers, in the order of docs/audit-hash.md.</summary>
public readonly record struct HashedFields(
    long Position, Guid Id, string StreamId, string StreamType, long Version, string Type,
    DateTimeOffset Recorded, string Data, string Metadata);

/// <summary>
/// hash = SHA-256(previous hash || canonical bytes), byte-exactly as docs/audit-hash.md specifies. The database
/// computes the same while appending (docs/event-store.md); this copy verifies it and seeds benchmarks.
/// </summary>
public static partial class EventHash
{
    public const int Size = 32;
    public const byte FormatVersion = 1;

    /// <summary>The "previous hash" of version 1: 32 zero bytes.</summary>
    public static ReadOnlySpan<byte> Genesis => new byte[Size];

    public static byte[] Compute(ReadOnlySpan<byte> previous, in HashedFields fields)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Size + MaxLength(fields));
        try
        {
            previous.CopyTo(buffer);
            var length = Size + Write(fields, buffer.AsSpan(Size));
            return SHA256.HashData(buffer.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The canonical bytes of one event (without the previous hash).</summary>
    public static byte[] CanonicalBytes(in HashedFields fields)
    {
        var buffer = new byte[MaxLength(fields)];
        return buffer.AsSpan(0, Write(fields, buffer)).ToArray();
    }

    public static long UnixMicroseconds(DateTimeOffset time) => (time.UtcTicks - DateTime.UnixEpoch.Ticks) / 10;

    private static int MaxLength(in HashedFields f) =>
        1 + 8 + 16 + 8 + 8 + 5 * 4 + Encoding.UTF8.GetMaxByteCount(
            f.StreamId.Length + f.StreamType.Length + f.Type.Length + f.Data.Length + f.Metadata.Length);

    private static int Write(in HashedFields f, Span<byte> output)
    {
        var at = 0;
        output[at++] = FormatVersion;
        BinaryPrimitives.WriteInt64BigEndian(output[at..], f.Position); at += 8;
        f.Id.TryWriteBytes(output[at..], bigEndian: true, out _); at += 16;
        at += WriteString(f.StreamId, output[at..]);
        at += WriteString(f.StreamType, output[at..]);
        BinaryPrimitives.WriteInt64BigEndian(output[at..], f.Version); at += 8;
        at += WriteString(f.Type, output[at..]);
        BinaryPrimitives.WriteInt64BigEndian(output[at..], UnixMicroseconds(f.Recorded)); at += 8;
        at += WriteString(f.Data, output[at..]);
        at += WriteString(f.Metadata, output[at..]);
        return at;
    }

    private static int WriteString(string value, Span<byte> output)
    {
        var length = Encoding.UTF8.GetBytes(value, output[4..]);
        BinaryPrimitives.WriteUInt32BigEndian(output, (uint)length);
        return 4 + length;
    }
}
