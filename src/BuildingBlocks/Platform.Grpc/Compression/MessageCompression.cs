using System.Buffers;
using System.IO.Compression;
using Google.Protobuf;

namespace Platform.Grpc.Compression;

/// <summary>
/// gzip message compression (the only algorithm besides identity we speak). Decompression stops at the
/// receive limit, so a small compressed message cannot expand into an unbounded buffer.
/// </summary>
internal static class MessageCompression
{
    public const string Gzip = "gzip";

    /// <summary>The value we send in <c>grpc-accept-encoding</c>.</summary>
    public const string AcceptEncoding = "identity,gzip";

    public static bool IsSupported(string? encoding) => encoding == Gzip;

    /// <summary>True when a <c>grpc-accept-encoding</c> list names gzip.</summary>
    public static bool Accepts(string? acceptEncoding)
    {
        if (string.IsNullOrEmpty(acceptEncoding)) return false;
        foreach (var range in acceptEncoding.AsSpan().Split(','))
            if (acceptEncoding.AsSpan()[range].Trim().Equals(Gzip, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    public static byte[] Compress(IMessage message, CompressionLevel level)
    {
        var size = message.CalculateSize();
        var plain = ArrayPool<byte>.Shared.Rent(size);
        try
        {
            message.WriteTo(plain.AsSpan(0, size));
            using var output = new MemoryStream(size / 2 + 32);
            using (var gzip = new GZipStream(output, level, leaveOpen: true)) gzip.Write(plain, 0, size);
            return output.ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(plain);
        }
    }

    /// <summary>Decompresses into a pooled buffer; the caller returns it. Throws <see cref="RpcException"/> on bad data or overflow.</summary>
    public static byte[] Decompress(ReadOnlySequence<byte> compressed, int limit, out int length)
    {
        var input = compressed.ToArray();
        var output = ArrayPool<byte>.Shared.Rent(Math.Min(Math.Max(input.Length * 4, 256), limit + 1));
        length = 0;
        try
        {
            using var gzip = new GZipStream(new MemoryStream(input, writable: false), CompressionMode.Decompress);
            while (true)
            {
                if (length == output.Length)
                {
                    if (length > limit) break;
                    var bigger = ArrayPool<byte>.Shared.Rent(Math.Min(output.Length * 2, limit + 1));
                    output.AsSpan(0, length).CopyTo(bigger);
                    ArrayPool<byte>.Shared.Return(output);
                    output = bigger;
                }
                var read = gzip.Read(output, length, output.Length - length);
                if (read == 0) break;
                length += read;
            }
            if (length > limit)
                throw new RpcException(StatusCode.ResourceExhausted, $"Decompressed message exceeds the limit of {limit} bytes.");
            return output;
        }
        catch (InvalidDataException)
        {
            ArrayPool<byte>.Shared.Return(output);
            throw new RpcException(StatusCode.Internal, "The message could not be decompressed with gzip.");
        }
        catch (RpcException)
        {
            ArrayPool<byte>.Shared.Return(output);
            throw;
        }
    }
}
