using Microsoft.Extensions.DependencyInjection;

namespace Platform.EventStore;

public enum ProjectionLifecycle { Inline, Async }

/// <summary>The projections a service registers (instances are made from the container at start).</summary>
public sealed class ProjectionRegistrations
{
    internal List<(Type Type, ProjectionLifecycle Lifecycle)> Items { get; } = [];

    /// <summary>Runs in the transaction of every append that holds an event it handles.</summary>
    public ProjectionRegistrations Inline<TProjection>() where TProjection : Projection => Add<TProjection>(ProjectionLifecycle.Inline);

    /// <summary>Runs on a durable subscription named after the projection; its tables and checkpoint commit together.</summary>
    public ProjectionRegistrations Async<TProjection>() where TProjection : Projection => Add<TProjection>(ProjectionLifecycle.Async);

    private ProjectionRegistrations Add<TProjection>(ProjectionLifecycle lifecycle) where TProjection : Projection
    {
        Items.Add((typeof(TProjection), lifecycle));
        return this;
    }
}

/// <summary>The running service's projections.</summary>
public sealed class Projections(IServiceProvider services, EventStoreOptions options)
{
    private readonly Lazy<IReadOnlyList<(Projection Projection, ProjectionLifecycle Lifecycle)>> _all = new(() =>
        options.Projections.Items
            .Select(i => ((Projection)ActivatorUtilities.GetServiceOrCreateInstance(services, i.Type), i.Lifecycle))
            .ToList());

    public IReadOnlyList<(Projection Projection, ProjectionLifecycle Lifecycle)> All => _all.Value;

    public IEnumerable<Projection> Inline => All.Where(p => p.Lifecycle == ProjectionLifecycle.Inline).Select(p => p.Projection);

    public IEnumerable<Projection> Async => All.Where(p => p.Lifecycle == ProjectionLifecycle.Async).Select(p => p.Projection);

    public Projection Get(string name) => All.FirstOrDefault(p => p.Projection.Name == name).Projection
        ?? throw new Platform.Domain.NotFoundException($"No projection is named '{name}'.");

    public ProjectionLifecycle LifecycleOf(Projection projection) => All.First(p => p.Projection == projection).Lifecycle;
}
