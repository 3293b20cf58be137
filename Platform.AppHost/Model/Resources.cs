namespace Platform.AppHost.Model;

/// <summary>Something the AppHost runs or provides, named as services see it in their configuration.</summary>
public abstract record Resource(string Name)
{
    /// <summary>Its endpoints and their declared ports (0 asks for a free one); the first is its main endpoint.</summary>
    public abstract IReadOnlyList<EndpointDeclaration> Endpoints { get; }
}

public sealed record EndpointDeclaration(string Name, int Port);

/// <summary>A private PostgreSQL server (<c>tcp</c> endpoint).</summary>
public sealed record PostgresServerResource(string Name, int Port) : Resource(Name)
{
    public List<PostgresDatabaseResource> Databases { get; } = [];

    public override IReadOnlyList<EndpointDeclaration> Endpoints => [new("tcp", Port)];
}

/// <summary>A database on <see cref="Server"/>, with a login role of the same name that owns it.</summary>
public sealed record PostgresDatabaseResource(string Name, string DatabaseName, PostgresServerResource Server) : Resource(Name)
{
    public override IReadOnlyList<EndpointDeclaration> Endpoints => [];
}

/// <summary>A private RabbitMQ node (<c>amqp</c> and Erlang <c>distribution</c> endpoints).</summary>
public sealed record RabbitMqServerResource(string Name, int Port, int DistributionPort) : Resource(Name)
{
    public override IReadOnlyList<EndpointDeclaration> Endpoints => [new("amqp", Port), new("distribution", DistributionPort)];
}

/// <summary>A service project run from its build output, with an <c>http</c> (HTTP/1.1) and a <c>grpc</c> (HTTP/2) endpoint.</summary>
public sealed record ProjectResource(string Name, string ProjectPath, int HttpPort, int GrpcPort) : Resource(Name)
{
    public List<Resource> References { get; } = [];

    public Dictionary<string, string> Environment { get; } = [];

    public override IReadOnlyList<EndpointDeclaration> Endpoints => [new("http", HttpPort), new("grpc", GrpcPort)];
}
