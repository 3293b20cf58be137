namespace Platform.AppHost.Orchestration;

/// <summary>The folder holding Platform.sln, against which service project paths are resolved.</summary>
public static class RepositoryRoot
{
    public static string Find(string? given)
    {
        if (given is not null) return Path.GetFullPath(given);
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
                if (File.Exists(Path.Combine(folder.FullName, "Platform.sln"))) return folder.FullName;
        }
        throw new AppHostException("Platform.sln was not found above the current folder: run the AppHost from the repository.");
    }
}
