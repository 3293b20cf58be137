using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Platform.EventStore;

/// <summary>
/// The fields of an event that its chain link covers, in the order of docs/audit-hash.md. Format 1 covers the position
/// too; format 2 (every event written since schema version 3) does not.
/// </summary>
public readonly record struct HashedFields(
    byte Format, long Position, Guid Id, string StreamId, string StreamType, long Version, string Type,
    DateTimeOffset Recorded, string Data, string Metadata);

/// <summary>
/// hash = SHA-256(previous hash || canonical bytes), byte-exactly as docs/audit-hash.md specifies. The store computes
/// the links of the events it appends here, before it sends them (docs/event-store.md), and verifies them here.
/// </summary>
public static partial class EventHash
{
    public const int Size = 32;
    /// <summary>The format of the links the store writes now.</summary>
    public const byte CurrentFormat = 2;

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
        if (f.Format is not (1 or 2)) throw new ArgumentOutOfRangeException(nameof(f), f.Format, "The hash formats are 1 and 2.");
        output[at++] = f.Format;
        if (f.Format == 1)
        {
            BinaryPrimitives.WriteInt64BigEndian(output[at..], f.Position);
            at += 8;
        }
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
