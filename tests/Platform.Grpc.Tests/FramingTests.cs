using Platform.Grpc.Framing;

namespace Platform.Grpc.Tests;

/// <summary>The small codecs of the protocol: grpc-timeout, grpc-message, metadata keys and values.</summary>
public sealed class FramingTests
{
    [Theory]
    [InlineData("1H", 36_000_000_000L)]
    [InlineData("2M", 1_200_000_000L)]
    [InlineData("3S", 30_000_000L)]
    [InlineData("250m", 2_500_000L)]
    [InlineData("99999999u", 999_999_990L)]
    [InlineData("500n", 5L)]
    public void Timeouts_parse_in_every_unit(string value, long ticks)
    {
        Assert.True(GrpcTimeout.TryParse(value, out var timeout));
        Assert.Equal(ticks, timeout.Ticks);
    }

    [Theory]
    [InlineData("")]
    [InlineData("m")]
    [InlineData("123456789m")]
    [InlineData("12x")]
    [InlineData("-5S")]
    public void Malformed_timeouts_are_refused(string value) => Assert.False(GrpcTimeout.TryParse(value, out _));

    [Fact]
    public void Timeouts_format_in_at_most_eight_digits_and_round_trip()
    {
        foreach (var timeout in new[] { TimeSpan.FromTicks(1), TimeSpan.FromMilliseconds(1500), TimeSpan.FromHours(30), TimeSpan.FromDays(400) })
        {
            var text = GrpcTimeout.Format(timeout);
            Assert.InRange(text.Length, 2, 9);
            Assert.True(GrpcTimeout.TryParse(text, out var parsed));
            Assert.True(parsed >= timeout, $"{text} is shorter than {timeout}");
        }
    }

    [Theory]
    [InlineData("plain text", "plain text")]
    [InlineData("100% done", "100%25 done")]
    [InlineData("über\nline", "%C3%BCber%0Aline")]
    public void Status_messages_are_percent_encoded_and_decoded(string message, string encoded)
    {
        Assert.Equal(encoded, PercentEncoding.Encode(message));
        Assert.Equal(message, PercentEncoding.Decode(encoded));
    }

    [Fact]
    public void Malformed_percent_escapes_are_kept_as_they_are() => Assert.Equal("50%zz", PercentEncoding.Decode("50%zz"));

    [Fact]
    public void Metadata_keys_and_values_are_validated()
    {
        Assert.Equal("x-upper", new Metadata().Add("X-Upper", "v")[0].Key);
        Assert.Throws<ArgumentException>(() => new Metadata().Add("x-data-bin", "text for a binary key"));
        Assert.Throws<ArgumentException>(() => new Metadata().Add("x-data", new byte[] { 1 }));
        Assert.Throws<ArgumentException>(() => new Metadata().Add("grpc-status", "0"));
        Assert.Throws<ArgumentException>(() => new Metadata().Add("bad key", "v"));
        Assert.Throws<ArgumentException>(() => new Metadata().Add("x-line", "new\nline"));
    }

    [Fact]
    public void Binary_values_are_sent_unpadded_and_read_padded_or_not()
    {
        var entry = MetadataEntry.Binary("x-bin", [1, 2, 3, 4]);

        Assert.Equal("AQIDBA", MetadataEncoding.ToHeaderValue(entry));
        Assert.True(MetadataEncoding.TryDecodeBase64("AQIDBA", out var unpadded));
        Assert.True(MetadataEncoding.TryDecodeBase64("AQIDBA==", out var padded));
        Assert.Equal(new byte[] { 1, 2, 3, 4 }, unpadded);
        Assert.Equal(unpadded, padded);
        Assert.False(MetadataEncoding.TryDecodeBase64("not*base64", out _));
    }
}
