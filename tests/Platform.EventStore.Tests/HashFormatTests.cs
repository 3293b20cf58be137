namespace Platform.EventStore.Tests;

/// <summary>The worked examples of docs/audit-hash.md, byte for byte.</summary>
public sealed class HashFormatTests
{
    private const string Data = "{\"limit\":\"12.50\",\"name\":\"ci\"}";

    // The example's fields after the format byte (and, in format 1, the position).
    private static readonly string Rest = "01936d2c5a3e7b1f8c2d3e4f5a6b7c8d" + "000000056b65792d31" + "000000036b6579" + "0000000000000001" +
        "0000000b6b65792e63726561746564" + "0006475ef6574f35" + "0000001d" + Convert.ToHexStringLower(System.Text.Encoding.UTF8.GetBytes(Data)) + "000000027b7d";

    [Theory]
    [InlineData(2, "02")]
    [InlineData(1, "01" + "0000000000000007")]
    public void The_documented_example_has_the_documented_canonical_bytes(byte format, string start)
    {
        var fields = Example(format);

        var bytes = Convert.ToHexStringLower(EventHash.CanonicalBytes(fields));

        Assert.Equal(start + Rest, bytes);
        Assert.Equal(System.Security.Cryptography.SHA256.HashData([.. new byte[32], .. Convert.FromHexString(bytes)]), EventHash.Compute(EventHash.Genesis, fields));
    }

    [Fact]
    public void Only_format_1_covers_the_position()
    {
        Assert.NotEqual(EventHash.Compute(EventHash.Genesis, Example(1)), EventHash.Compute(EventHash.Genesis, Example(1) with { Position = 8 }));
        Assert.Equal(EventHash.Compute(EventHash.Genesis, Example(2)), EventHash.Compute(EventHash.Genesis, Example(2) with { Position = 8 }));
    }

    [Fact]
    public void An_unknown_format_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => EventHash.Compute(EventHash.Genesis, Example(3)));
    }

    private static HashedFields Example(byte format) => new(format, 7, Guid.Parse("01936d2c-5a3e-7b1f-8c2d-3e4f5a6b7c8d"), "key-1", "key", 1, "key.created",
        new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero).AddTicks(6789010), Data, "{}");
}
