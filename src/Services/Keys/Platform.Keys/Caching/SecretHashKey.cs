using System.Buffers.Binary;

namespace Platform.Keys.Caching;

/// <summary>A SHA-256 as four words: a dictionary key that costs no allocation to build or compare.</summary>
public readonly record struct SecretHashKey(ulong A, ulong B, ulong C, ulong D)
{
    public static SecretHashKey From(ReadOnlySpan<byte> hash) => new(
        BinaryPrimitives.ReadUInt64LittleEndian(hash),
        BinaryPrimitives.ReadUInt64LittleEndian(hash[8..]),
        BinaryPrimitives.ReadUInt64LittleEndian(hash[16..]),
        BinaryPrimitives.ReadUInt64LittleEndian(hash[24..]));
}
