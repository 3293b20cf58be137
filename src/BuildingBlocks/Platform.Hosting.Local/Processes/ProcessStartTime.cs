namespace Platform.Hosting.Local.Processes;

/// <summary>A process's start time in clock ticks since boot (/proc/PID/stat field 22): with the pid, it names one process for good.</summary>
internal static class ProcessStartTime
{
    public static string? Of(int processId)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{processId}/stat");
            // The command name (field 2) may contain spaces and parentheses: count fields after its closing one.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return fields[19];
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
