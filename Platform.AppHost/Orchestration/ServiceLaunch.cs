using Platform.AppHost.Model;

namespace Platform.AppHost.Orchestration;

/// <summary>
/// What a service is started with: its built assembly (filled in once the outputs are checked) and its environment,
/// resolved each time it starts, after the servers have handed out their connection strings.
/// </summary>
internal sealed class ServiceLaunch(Dictionary<string, string> assemblies, PortPlan ports, ConnectionStrings connections, AppHostOptions options)
{
    public (string Assembly, Dictionary<string, string> Environment) Resolve(ProjectResource project) =>
        (assemblies[project.Name], ServiceEnvironment.For(project, ports, connections, options));
}
