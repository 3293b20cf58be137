using Npgsql;
using Platform.Authentication.Callers;
using Platform.Domain;
using Platform.EventStore;
using Platform.Identity.Access;

namespace Platform.Identity.Organizations;

/// <summary>
/// Loads an organization's stream, lets a decision produce events, and appends them with the version it saw, in one
/// transaction with the decision's own writes; a concurrent change makes it decide again on fresh state.
/// </summary>
public sealed class OrganizationStreams(IEventStore store, NpgsqlDataSource dataSource, AccessCache access, ILogger<OrganizationStreams> logger)
{
    private const int Attempts = 5;

    public static string StreamId(Guid organizationId) => $"organization-{organizationId}";

    public const string StreamType = "organization";

    public async Task<Aggregate<OrganizationState>> LoadAsync(Guid organizationId, CancellationToken cancellationToken) =>
        await store.AggregateAsync<OrganizationState>(StreamId(organizationId), cancellationToken: cancellationToken);

    /// <summary>
    /// Runs <paramref name="decide"/> on the current state (it throws a domain exception to refuse, or returns the
    /// events; none means nothing to do) and appends them. Returns the state the decision saw.
    /// </summary>
    public async Task<OrganizationState> ChangeAsync(Guid organizationId, Caller caller,
        Func<Aggregate<OrganizationState>, NpgsqlTransaction, Task<IReadOnlyList<object>>> decide, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var organization = await LoadAsync(organizationId, cancellationToken);
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var events = await decide(organization, transaction);
            if (events.Count == 0) return organization.State;
            try
            {
                var expected = organization.Exists ? organization.Expected : ExpectedVersion.NoStream;
                await store.AppendAsync(transaction, StreamId(organizationId), StreamType, expected, events,
                    EventMetadata.For(caller.ActorId, correlationId: System.Diagnostics.Activity.Current?.TraceId.ToHexString()), cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
            catch (ConflictException) when (attempt < Attempts)
            {
                Log.ConcurrentChange(logger, organizationId, attempt);
                continue;
            }
            Log.OrganizationChanged(logger, organizationId, caller.ActorId, string.Join(",", events.Select(e => e.GetType().Name)));
            // This instance answers GetAccess from the new state at once (other instances: MembershipChangedConsumer).
            foreach (var userId in events.Select(AffectedUser).OfType<string>()) access.Invalidate(userId);
            return organization.State;
        }
    }

    private static string? AffectedUser(object e) => e switch
    {
        MemberJoined j => j.UserId,
        MemberRoleChanged c => c.UserId,
        MemberRemoved r => r.UserId,
        MemberLeft l => l.UserId,
        _ => null,
    };
}
