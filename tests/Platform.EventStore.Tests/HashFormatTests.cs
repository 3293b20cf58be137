namespace Platform.EventStore.Tests;

/// <summary>The worked example of docs/audit-hash.md, byte for byte.</summary>
public sealed class HashFormatTests
{
    [Fact]
    public void The_documented_example_has_the_documented_canonical_bytes()
    {
        var fields = new HashedFields(7, Guid.Parse("01936d2c-5a3e-7b1f-8c2d-3e4f5a6b7c8d"), "key-1", "key", 1, "key.created",
            new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero).AddTicks(6789010), "{\"limit\":\"12.50\",\"name\":\"ci\"}", "{}");

        var bytes = Convert.ToHexStringLower(EventHash.CanonicalBytes(fields));

        Assert.Equal(
            "01" + "0000000000000007" + "01936d2c5a3e7b1f8c2d3e4f5a6b7c8d" + "000000056b65792d31" + "000000036b6579" + "0000000000000001" +
            "0000000b6b65792e63726561746564" + "0006475ef6574f35" + "0000001d" + Convert.ToHexStringLower("{\"limit\":\"12.50\",\"name\":\"ci\"}"u8) +
            "000000027b7d", bytes);
        Assert.Equal(System.Security.Cryptography.SHA256.HashData([.. new byte[32], .. Convert.FromHexString(bytes)]), EventHash.Compute(EventHash.Genesis, fields));
    }
}
