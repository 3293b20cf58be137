using System.Buffers;
using System.Buffers.Binary;
using System.IO.Compression;
using Google.Protobuf;
using Platform.Grpc.Compression;

namespace Platform.Grpc.Framing;

/// <summary>Writes one length-prefixed message straight into the output buffer (no intermediate copy unless compressing).</summary>
internal static class MessageWriter
{
    public static int Write(IBufferWriter<byte> output, IMessage message, bool compress, CompressionLevel level = CompressionLevel.Fastest)
    {
        if (compress)
        {
            var compressed = MessageCompression.Compress(message, level);
            var target = output.GetSpan(MessageReader.HeaderSize + compressed.Length);
            WriteHeader(target, true, compressed.Length);
            compressed.CopyTo(target[MessageReader.HeaderSize..]);
            output.Advance(MessageReader.HeaderSize + compressed.Length);
            return MessageReader.HeaderSize + compressed.Length;
        }
        var size = message.CalculateSize();
        var span = output.GetSpan(MessageReader.HeaderSize + size);
        WriteHeader(span, false, size);
        message.WriteTo(span.Slice(MessageReader.HeaderSize, size));
        output.Advance(MessageReader.HeaderSize + size);
        return MessageReader.HeaderSize + size;
    }

    /// <summary>Serializes a framed message into an array of exactly its size.</summary>
    public static byte[] ToArray(IMessage message, bool compress)
    {
        if (compress)
        {
            var compressed = MessageCompression.Compress(message, CompressionLevel.Fastest);
            var frame = new byte[MessageReader.HeaderSize + compressed.Length];
            WriteHeader(frame, true, compressed.Length);
            compressed.CopyTo(frame, MessageReader.HeaderSize);
            return frame;
        }
        var size = message.CalculateSize();
        var array = new byte[MessageReader.HeaderSize + size];
        WriteHeader(array, false, size);
        message.WriteTo(array.AsSpan(MessageReader.HeaderSize));
        return array;
    }

    /// <summary>Serializes a framed message into a pooled array; the caller returns it to the pool.</summary>
    public static byte[] ToPooledArray(IMessage message, bool compress, out int length)
    {
        if (compress)
        {
            var compressed = MessageCompression.Compress(message, CompressionLevel.Fastest);
            length = MessageReader.HeaderSize + compressed.Length;
            var buffer = ArrayPool<byte>.Shared.Rent(length);
            WriteHeader(buffer, true, compressed.Length);
            compressed.CopyTo(buffer.AsSpan(MessageReader.HeaderSize));
            return buffer;
        }
        var size = message.CalculateSize();
        length = MessageReader.HeaderSize + size;
        var array = ArrayPool<byte>.Shared.Rent(length);
        WriteHeader(array, false, size);
        message.WriteTo(array.AsSpan(MessageReader.HeaderSize, size));
        return array;
    }

    private static void WriteHeader(Span<byte> target, bool compressed, int length)
    {
        target[0] = compressed ? (byte)1 : (byte)0;
        BinaryPrimitives.WriteUInt32BigEndian(target[1..], (uint)length);
    }
}
