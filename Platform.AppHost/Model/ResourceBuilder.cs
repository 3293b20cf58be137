namespace Platform.AppHost.Model;

/// <summary>A declared resource, returned by the builder's Add methods so that calls chain as in Aspire.</summary>
public sealed class ResourceBuilder<T>(T resource, DistributedApplicationBuilder application) where T : Resource
{
    public T Resource => resource;

    public DistributedApplicationBuilder ApplicationBuilder => application;
}
