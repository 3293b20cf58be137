using System.Diagnostics;
using System.Reflection;
using Platform.AppHost.Model;

namespace Platform.AppHost.Orchestration;

/// <summary>
/// Services run from their build output (<c>dotnet &lt;dll&gt;</c>), never <c>dotnet run</c>: the AppHost's project
/// references build them with it (as Aspire's do); one missing is built here, once, in the AppHost's own configuration.
/// </summary>
public static class ProjectOutputs
{
    public static string Configuration { get; } =
        typeof(ProjectOutputs).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    private static readonly string TargetFramework = "net" + Environment.Version.ToString(2);

    public static string AssemblyPath(string repositoryRoot, ProjectResource project)
    {
        var projectFile = Path.GetFullPath(Path.Combine(repositoryRoot, project.ProjectPath));
        var name = Path.GetFileNameWithoutExtension(projectFile);
        return Path.Combine(Path.GetDirectoryName(projectFile)!, "bin", Configuration, TargetFramework, name + ".dll");
    }

    /// <summary>Builds the projects whose output is missing; returns each project's assembly path.</summary>
    public static async Task<Dictionary<string, string>> EnsureBuiltAsync(string repositoryRoot, IEnumerable<ProjectResource> projects,
        AppHostLog log, CancellationToken cancellationToken)
    {
        var paths = new Dictionary<string, string>();
        foreach (var project in projects)
        {
            var projectFile = Path.Combine(repositoryRoot, project.ProjectPath);
            if (!File.Exists(projectFile)) throw new AppHostException($"{project.Name}: project file {projectFile} does not exist.");
            var assembly = AssemblyPath(repositoryRoot, project);
            if (!File.Exists(assembly)) await BuildAsync(project, projectFile, log, cancellationToken);
            if (!File.Exists(assembly)) throw new AppHostException($"{project.Name}: built, but {assembly} is still missing.");
            paths[project.Name] = assembly;
        }
        return paths;
    }

    private static async Task BuildAsync(ProjectResource project, string projectFile, AppHostLog log, CancellationToken cancellationToken)
    {
        log.AppHost($"{project.Name}: no build output yet, running dotnet build -c {Configuration}");
        using var build = Process.Start(new ProcessStartInfo("dotnet", ["build", projectFile, "-c", Configuration, "-nologo", "-v", "q"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var output = build.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = build.StandardError.ReadToEndAsync(cancellationToken);
        await build.WaitForExitAsync(cancellationToken);
        if (build.ExitCode != 0)
            throw new AppHostException($"{project.Name}: dotnet build failed:\n{(await output + await errors).Trim()}");
    }
}
