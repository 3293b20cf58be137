namespace Platform.EventStore.Bench;

/// <summary>
/// CPU time used so far by this process (the client side) and by the bench's PostgreSQL (its postmaster and every
/// process it started: backends, WAL writer, checkpointer...). Linux only; zero elsewhere.
/// </summary>
public readonly record struct CpuClock(TimeSpan Client, TimeSpan Server)
{
    /// <summary>The port of the PostgreSQL whose processes are counted.</summary>
    public static int ServerPort { get; set; }

    public static CpuClock Now() => new(Environment.CpuUsage.TotalTime, ServerCpu());

    public static CpuClock operator -(CpuClock a, CpuClock b) => new(a.Client - b.Client, a.Server - b.Server);

    public static CpuClock operator +(CpuClock a, CpuClock b) => new(a.Client + b.Client, a.Server + b.Server);

    private static TimeSpan ServerCpu()
    {
        if (!Directory.Exists("/proc")) return TimeSpan.Zero;
        var processes = new List<(int Pid, int Parent, long Ticks, string CommandLine)>();
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(folder), out var pid)) continue;
            try
            {
                var stat = File.ReadAllText(Path.Combine(folder, "stat"));
                // Fields after the command name (in parentheses): state ppid ... utime(14) stime(15), 1-based over the whole line.
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                var commandLine = File.ReadAllText(Path.Combine(folder, "cmdline")).Replace('\0', ' ');
                processes.Add((pid, int.Parse(fields[1]), long.Parse(fields[11]) + long.Parse(fields[12]), commandLine));
            }
            catch (IOException) { } // the process ended meanwhile
        }
        var postmasters = processes.Where(p => p.CommandLine.Contains($" -p {ServerPort} ")).Select(p => p.Pid).ToHashSet();
        var ticks = processes.Where(p => postmasters.Contains(p.Pid) || postmasters.Contains(p.Parent)).Sum(p => p.Ticks);
        return TimeSpan.FromMilliseconds(ticks * 10); // USER_HZ is 100 on Linux
    }
}
