using Platform.AppHost.Model;

namespace Platform.AppHost;

/// <summary>The model's verbs, as in Aspire: <c>AddDatabase</c>, <c>WithReference</c>, <c>WithEnvironment</c>.</summary>
public static class ResourceBuilderExtensions
{
    /// <summary>A database on this server; its connection string reaches referencing services as <c>ConnectionStrings__&lt;name&gt;</c>.</summary>
    public static ResourceBuilder<PostgresDatabaseResource> AddDatabase(this ResourceBuilder<PostgresServerResource> server,
        string name, string? databaseName = null)
    {
        var database = new PostgresDatabaseResource(name, databaseName ?? name, server.Resource);
        server.Resource.Databases.Add(database);
        return server.ApplicationBuilder.Add(database);
    }

    /// <summary>
    /// Injects what <paramref name="source"/> offers: a database's or the broker's connection string
    /// (<c>ConnectionStrings__&lt;name&gt;</c>), another service's endpoints (<c>services__&lt;name&gt;__&lt;endpoint&gt;__0</c>).
    /// </summary>
    public static ResourceBuilder<ProjectResource> WithReference<T>(this ResourceBuilder<ProjectResource> project, ResourceBuilder<T> source)
        where T : Resource
    {
        if (source.Resource is PostgresServerResource)
            throw new ArgumentException($"Reference a database of '{source.Resource.Name}' (AddDatabase), not the server.", nameof(source));
        project.Resource.References.Add(source.Resource);
        return project;
    }

    public static ResourceBuilder<ProjectResource> WithEnvironment(this ResourceBuilder<ProjectResource> project, string name, string value)
    {
        project.Resource.Environment[name] = value;
        return project;
    }
}
