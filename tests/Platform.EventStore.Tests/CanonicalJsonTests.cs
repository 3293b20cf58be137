using Platform.Domain;

namespace Platform.EventStore.Tests;

public sealed class CanonicalJsonTests
{
    [Theory]
    [InlineData("{ \"b\": 1, \"a\": [true, false, null] }", "{\"a\":[true,false,null],\"b\":1}")]
    [InlineData("{\"\\u20ac\":1,\"\\r\":2,\"1\":3,\"\\ud83d\\ude00\":4,\"\\u0080\":5,\"\\u00f6\":6}", "{\"\\r\":2,\"1\":3,\"\u0080\":5,\"ö\":6,\"€\":1,\"😀\":4}")]
    [InlineData("\"a/b\\u001f\\t\\u2028\\\"\"", "\"a/b\\u001f\\t\u2028\\\"\"")]
    [InlineData("[1.0, -0, 1e2, 0.000001, 1e-7, 1e21, 4.5e-3, 3.14159, -2.5E+3]",
        "[1,0,100,0.000001,1e-7,1e+21,0.0045,3.14159,-2500]")]
    [InlineData("9007199254740992", "9007199254740992")]
    public void Output_follows_rfc_8785(string input, string expected) =>
        Assert.Equal(expected, CanonicalJson.Canonicalize(input));

    [Theory]
    [InlineData("9007199254740993")]
    [InlineData("{\"a\":1,\"a\":2}")]
    public void Values_that_would_change_or_are_ambiguous_are_refused(string input) =>
        Assert.Throws<ValidationException>(() => CanonicalJson.Canonicalize(input));

    [Theory]
    [InlineData(5e-324, "5e-324")]
    [InlineData(1.7976931348623157e308, "1.7976931348623157e+308")]
    [InlineData(0.1 + 0.2, "0.30000000000000004")]
    [InlineData(1e20, "100000000000000000000")]
    [InlineData(123e-20, "1.23e-18")]
    public void Numbers_are_written_as_ecmascript_writes_them(double value, string expected) =>
        Assert.Equal(expected, EcmaNumber.Format(value));
}
