using System.CommandLine;

namespace Platform.Cli.Hosting;

/// <summary><c>--offset</c> and <c>--limit</c> of list commands (the services default to 50, at most 200).</summary>
internal static class Paging
{
    public static Option<int> Offset()
    {
        var option = new Option<int>("--offset") { Description = "Skip this many" };
        option.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 0) r.AddError("--offset must be 0 or more."); });
        return option;
    }

    public static Option<int> Limit()
    {
        var option = new Option<int>("--limit") { Description = "At most this many, 1 to 200 (default 50)" };
        option.Validators.Add(r => { if (r.GetValueOrDefault<int>() is < 0 or > 200) r.AddError("--limit must be between 1 and 200."); });
        return option;
    }
}
