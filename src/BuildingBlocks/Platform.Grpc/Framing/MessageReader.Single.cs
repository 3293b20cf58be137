using System.Buffers;
using System.Buffers.Binary;
using System.IO.Pipelines;
using Google.Protobuf;

namespace Platform.Grpc.Framing;

// Bodies that carry exactly one message (unary requests, unary and client-streaming responses), read without the
// per-message async machinery of the streaming path.
internal static partial class MessageReader
{
    /// <summary>
    /// The hot path of unary requests: when the whole body (one message and the end of stream) is already buffered,
    /// parse it without any async machinery. False means "take the async path"; nothing was consumed then.
    /// </summary>
    public static bool TryReadSingle<T>(PipeReader reader, MessageParser<T> parser, int maxSize, out T? message)
        where T : class, IMessage<T>
    {
        message = null;
        if (!reader.TryRead(out var result)) return false;
        var buffer = result.Buffer;
        Span<byte> header = stackalloc byte[HeaderSize];
        if (!result.IsCompleted || buffer.Length < HeaderSize)
        {
            reader.AdvanceTo(buffer.Start);
            return false;
        }
        buffer.Slice(0, HeaderSize).CopyTo(header);
        var length = BinaryPrimitives.ReadUInt32BigEndian(header[1..]);
        // Anything unusual (compressed, too large, trailing bytes) is left to the async path, which reports it.
        if (header[0] != 0 || length > maxSize || buffer.Length != HeaderSize + length)
        {
            reader.AdvanceTo(buffer.Start);
            return false;
        }
        try
        {
            message = ParseOrThrow(parser, buffer.Slice(HeaderSize));
        }
        finally
        {
            reader.AdvanceTo(buffer.End);
        }
        return true;
    }

    /// <summary>
    /// Parses a whole body that must hold at most one message: null when empty; <see cref="RpcException"/> when
    /// truncated, oversized, malformed or followed by a second message.
    /// </summary>
    public static T? ParseSingle<T>(ReadOnlySequence<byte> body, MessageParser<T> parser, int maxSize, string? encoding, bool server)
        where T : class, IMessage<T>
    {
        if (body.IsEmpty) return null;
        var header = ReadHeader(body, maxSize, encoding, server);
        if (!header.IsComplete) throw Incomplete(body.Length, header);
        if (body.Length > HeaderSize + header.Length) throw new RpcException(StatusCode.Internal, "The body has more than one message where one was expected.");
        return Parse(body.Slice(HeaderSize, header.Length), header.Compressed, parser, maxSize);
    }

    /// <summary>
    /// Reads a body to its end into a pooled buffer (the caller returns it), stopping once it is longer than the largest
    /// single message allowed: <see cref="ParseSingle"/> then reports what is wrong with it.
    /// </summary>
    [System.Runtime.CompilerServices.AsyncMethodBuilder(typeof(System.Runtime.CompilerServices.PoolingAsyncValueTaskMethodBuilder<>))]
    public static async ValueTask<(byte[] Buffer, int Length)> ReadBodyAsync(Stream stream, int maxSize, CancellationToken cancellationToken)
    {
        var limit = (long)HeaderSize + maxSize;
        var buffer = ArrayPool<byte>.Shared.Rent(4096);
        var length = 0;
        try
        {
            while (length <= limit)
            {
                if (length == buffer.Length)
                {
                    var bigger = ArrayPool<byte>.Shared.Rent((int)Math.Min(buffer.Length * 2L, limit + 1));
                    buffer.AsSpan(0, length).CopyTo(bigger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = bigger;
                }
                var read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
                if (read == 0) break;
                length += read;
            }
            return (buffer, length);
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }
}
