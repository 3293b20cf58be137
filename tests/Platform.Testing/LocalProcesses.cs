using System.Net.Sockets;

namespace Platform.Testing;

/// <summary>What is running on this machine: for tests proving that servers and services stopped.</summary>
public static class LocalProcesses
{
    /// <summary>Whether something accepts TCP connections on 127.0.0.1:<paramref name="port"/>.</summary>
    public static bool Listens(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect("127.0.0.1", port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>Command lines of running processes that contain <paramref name="text"/>.</summary>
    public static List<string> Mentioning(string text) =>
        Directory.GetDirectories("/proc").Where(d => int.TryParse(Path.GetFileName(d), out _))
            .Select(d => { try { return File.ReadAllText(Path.Combine(d, "cmdline")).Replace('\0', ' '); } catch (IOException) { return ""; } })
            .Where(c => c.Contains(text))
            .ToList();
}
