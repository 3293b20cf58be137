using System.Buffers;
using System.Buffers.Binary;
using System.IO.Pipelines;
using Google.Protobuf;
using Platform.Grpc.Compression;

namespace Platform.Grpc.Framing;

/// <summary>
/// Reads length-prefixed messages (1 byte compressed flag, 4 bytes big-endian length, body) from a pipe,
/// whatever the DATA frame boundaries were. Parses in place from the pipe's buffers; only compressed
/// messages are copied.
/// </summary>
internal static partial class MessageReader
{
    public const int HeaderSize = 5;

    /// <summary>The next message, or null at a clean end of stream. Throws <see cref="RpcException"/> on bad input.</summary>
    public static async ValueTask<T?> ReadAsync<T>(PipeReader reader, MessageParser<T> parser, int maxSize, string? encoding,
        bool server, CancellationToken cancellationToken) where T : class, IMessage<T>
    {
        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            var buffer = result.Buffer;
            FrameHeader header;
            try
            {
                header = ReadHeader(buffer, maxSize, encoding, server);
            }
            catch
            {
                reader.AdvanceTo(buffer.Start, buffer.End);
                throw;
            }
            if (header.IsComplete)
            {
                var end = buffer.GetPosition(HeaderSize + header.Length);
                try
                {
                    return Parse(buffer.Slice(HeaderSize, header.Length), header.Compressed, parser, maxSize);
                }
                finally
                {
                    reader.AdvanceTo(end);
                }
            }
            if (result.IsCompleted)
            {
                reader.AdvanceTo(buffer.End);
                if (buffer.IsEmpty) return null;
                throw Incomplete(buffer.Length, header);
            }
            if (result.IsCanceled) throw new OperationCanceledException(cancellationToken);
            reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    private readonly record struct FrameHeader(bool IsComplete, bool Compressed, int Length);

    private static RpcException Incomplete(long available, FrameHeader header) => new(StatusCode.Internal, available < HeaderSize
        ? "Incomplete message: the stream ended inside a message header."
        : $"Incomplete message: the length prefix announces {header.Length} bytes but the stream ended after {available - HeaderSize}.");

    private static FrameHeader ReadHeader(ReadOnlySequence<byte> buffer, int maxSize, string? encoding, bool server)
    {
        if (buffer.Length < HeaderSize) return default;
        Span<byte> header = stackalloc byte[HeaderSize];
        buffer.Slice(0, HeaderSize).CopyTo(header);
        var flag = header[0];
        var length = BinaryPrimitives.ReadUInt32BigEndian(header[1..]);
        if (flag > 1) throw new RpcException(StatusCode.Internal, $"Invalid compressed flag {flag} in a message header.");
        // Checked before the body arrives, so an oversized message is refused without buffering it.
        if (length > maxSize)
            throw new RpcException(StatusCode.ResourceExhausted, $"Received message of {length} bytes exceeds the limit of {maxSize} bytes.");
        if (flag == 1)
        {
            if (encoding is null || encoding == GrpcHeaders.Identity)
                throw new RpcException(StatusCode.Internal, "A message is marked compressed but grpc-encoding names no compression.");
            // The compression spec: UNIMPLEMENTED on a server (which then lists what it accepts), INTERNAL on a client.
            if (!MessageCompression.IsSupported(encoding))
                throw new RpcException(server ? StatusCode.Unimplemented : StatusCode.Internal, $"Unsupported grpc-encoding '{encoding}'. Supported: {MessageCompression.AcceptEncoding}.");
        }
        return new FrameHeader(buffer.Length - HeaderSize >= length, flag == 1, (int)length);
    }

    private static T Parse<T>(ReadOnlySequence<byte> body, bool compressed, MessageParser<T> parser, int maxSize) where T : class, IMessage<T>
    {
        if (!compressed) return ParseOrThrow(parser, body);
        var plain = MessageCompression.Decompress(body, maxSize, out var length);
        try
        {
            return ParseOrThrow(parser, new ReadOnlySequence<byte>(plain, 0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(plain);
        }
    }

    private static T ParseOrThrow<T>(MessageParser<T> parser, ReadOnlySequence<byte> data) where T : class, IMessage<T>
    {
        try
        {
            return parser.ParseFrom(data);
        }
        catch (InvalidProtocolBufferException)
        {
            throw new RpcException(StatusCode.Internal, $"The message is not a valid {typeof(T).Name}.");
        }
    }
}
