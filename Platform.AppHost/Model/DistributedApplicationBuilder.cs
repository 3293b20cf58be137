using Platform.AppHost.Orchestration;

namespace Platform.AppHost.Model;

/// <summary>Declares the application's resources, in the shape of Aspire's <c>IDistributedApplicationBuilder</c>.</summary>
public sealed class DistributedApplicationBuilder(AppHostOptions options)
{
    private readonly List<Resource> _resources = [];

    public AppHostOptions Options => options;

    public IReadOnlyList<Resource> Resources => _resources;

    public ResourceBuilder<PostgresServerResource> AddPostgres(string name, int port = 0) => Add(new PostgresServerResource(name, port));

    public ResourceBuilder<RabbitMqServerResource> AddRabbitMQ(string name, int port = 0, int distributionPort = 0) =>
        Add(new RabbitMqServerResource(name, port, distributionPort));

    /// <summary>A service project, by its path relative to the repository root; it runs from its build output.</summary>
    public ResourceBuilder<ProjectResource> AddProject(string name, string projectPath, int httpPort = 0, int grpcPort = 0) =>
        Add(new ProjectResource(name, projectPath, httpPort, grpcPort));

    internal ResourceBuilder<T> Add<T>(T resource) where T : Resource
    {
        if (!ResourceNames.IsValid(resource.Name))
            throw new ArgumentException($"'{resource.Name}' is not a valid resource name: use lower-case letters, digits and '-', starting with a letter.");
        if (_resources.Any(r => r.Name == resource.Name)) throw new ArgumentException($"A resource named '{resource.Name}' is already declared.");
        _resources.Add(resource);
        return new ResourceBuilder<T>(resource, this);
    }

    public DistributedApplication Build() => new(options, _resources.ToList());
}
