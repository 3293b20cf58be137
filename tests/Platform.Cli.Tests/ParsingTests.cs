namespace Platform.Cli.Tests;

/// <summary>Bad input is refused by the command line itself, with exit code 2, before any service is asked.</summary>
public sealed class ParsingTests : IDisposable
{
    private readonly CliRun _cli = new();

    [Theory]
    [InlineData("-1", "negative")]
    [InlineData("1.1234567", "more than 6 decimals")]
    [InlineData("abc", "not an amount")]
    [InlineData("1e3", "not an amount")]
    public async Task A_bad_limit_is_refused_with_what_is_wrong(string limit, string message)
    {
        var result = await _cli.RunAsync("keys", "create", "--account", "a", "--name", "ci", "--limit", limit);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Error);
        Assert.Contains("--limit", result.Error);
        Assert.Equal("", result.Output);
    }

    [Fact]
    public async Task Trailing_zeros_do_not_count_as_decimals_so_a_well_formed_limit_gets_past_parsing()
    {
        // It gets as far as looking for the Keys service, which this test has none of.
        var result = await _cli.RunAsync("keys", "create", "--account", "a", "--name", "ci", "--limit", "12.5000000", "--token", "t");

        Assert.DoesNotContain("--limit", result.Error);
        Assert.Contains("No address for the keys service", result.Error);
    }

    [Theory]
    [InlineData("keys", "create", "--account", "a", "--name", "ci", "--kind", "admin")]
    [InlineData("keys", "create", "--account", "a", "--name", "ci", "--limit-reset", "hourly")]
    [InlineData("keys", "update", "0123", "--limit-reset", "yearly")]
    [InlineData("orgs", "invite", "o", "b@example.com", "--role", "owner")]
    [InlineData("orgs", "set-role", "o", "u", "owner")]
    [InlineData("audit", "verify", "--service", "billing")]
    [InlineData("login", "--email", "a@example.com", "--platform-role", "root")]
    public async Task A_value_outside_the_allowed_ones_is_refused_naming_the_allowed_ones(params string[] args)
    {
        var result = await _cli.RunAsync(args);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("not recognized", result.Error);
        Assert.Contains("Must be one of", result.Error);
    }

    [Theory]
    [InlineData("8d", "outside 0 to 7 days")]
    [InlineData("soon", "not a duration")]
    public async Task A_bad_grace_period_is_refused(string grace, string message)
    {
        var result = await _cli.RunAsync("keys", "rotate", "0123456789abcdef0123456789abcdef", "--grace", grace);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Error);
    }

    [Fact]
    public async Task An_expiry_in_the_past_or_unreadable_is_refused()
    {
        var past = await _cli.RunAsync("keys", "create", "--account", "a", "--name", "ci", "--expires", "2020-01-01T00:00:00Z");
        var unreadable = await _cli.RunAsync("keys", "create", "--account", "a", "--name", "ci", "--expires", "next tuesday");

        Assert.Equal(2, past.ExitCode);
        Assert.Contains("not in the future", past.Error);
        Assert.Equal(2, unreadable.ExitCode);
        Assert.Contains("is not a date and time", unreadable.Error);
    }

    [Theory]
    [InlineData("Nothing to update", "keys", "update", "0123456789abcdef0123456789abcdef")]
    [InlineData("not both", "keys", "update", "0123456789abcdef0123456789abcdef", "--disable", "--enable")]
    [InlineData("not both", "keys", "update", "0123456789abcdef0123456789abcdef", "--limit", "1", "--no-limit")]
    [InlineData("--limit must be between 1 and 200", "keys", "list", "--account", "a", "--limit", "500")]
    [InlineData("Option '--name' is required", "keys", "create", "--account", "a")]
    [InlineData("Option '--email' is required", "login")]
    public async Task Contradictory_or_missing_options_are_refused(string message, params string[] args)
    {
        var result = await _cli.RunAsync(args);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Error);
    }

    [Fact]
    public async Task Help_lists_the_command_groups_and_exits_zero()
    {
        var result = await _cli.RunAsync("--help");

        Assert.Equal(0, result.ExitCode);
        foreach (var group in new[] { "login", "logout", "whoami", "orgs", "keys", "audit", "--json" }) Assert.Contains(group, result.Output);
    }

    public void Dispose() => _cli.Dispose();
}
