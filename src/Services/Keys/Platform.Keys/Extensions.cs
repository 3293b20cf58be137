using Platform.EventStore;
using Platform.Grpc;
using Platform.Keys.Access;
using Platform.Keys.Authentication;
using Platform.Keys.Caching;
using Platform.Keys.Expiry;
using Platform.Keys.Grpc;
using Platform.Keys.Lifecycle;
using Platform.Keys.Membership;
using Platform.Keys.Rotation;
using Platform.Keys.Storage;
using Platform.Messaging;
using Integration = Platform.Contracts.IntegrationEvents;

namespace Platform.Keys;

public static class Extensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        // Before the event store's start-up and the bus, so the tables exist before the first append or message.
        services.AddHostedService<KeysSchema>();
        builder.AddEventStore("keysdb", store =>
        {
            store.Events.RegisterAssembly(typeof(KeyCreated).Assembly);
            store.Projections.Inline<KeyProjection>();
            // Integration events leave soon after the commit: other instances' caches depend on them.
            store.PollInterval = TimeSpan.FromMilliseconds(50);
        });
        services.AddOutboxRelay(MapIntegrationEvents);

        builder.AddPlatformMessaging(bus =>
        {
            bus.AddConsumer<MemberRemovedConsumer>();
            // Every instance needs every Key* and member event for its own caches.
            bus.AddConsumer<CacheInvalidationConsumer>().Endpoint(endpoint => endpoint.OfThisInstance("keys-cache"));
        });

        services.AddGrpcChannel("identity");
        services.AddSingleton<IdentityAccess>();
        services.AddSingleton<KeyQueries>();
        services.AddSingleton<KeyAccess>();
        services.AddSingleton<KeySnapshotCache>();
        services.AddSingleton<SecretLookup>();
        services.AddSingleton<KeyAuthenticator>();
        // After the JWT authenticator (registered by the service defaults): API key secrets as bearer credentials.
        services.AddSingleton<IBearerAuthenticator, ApiKeyBearerAuthenticator>();
        services.AddSingleton<KeyWriter>();
        services.AddSingleton<KeyCommands>();
        services.AddSingleton<KeyRotation>();
        services.AddSingleton<KeysService>();
        services.AddHostedService<KeySweeper>();
        return builder;
    }

    private static void MapIntegrationEvents(RelayMappings relay) => relay
        .Map<KeyCreated>((e, r) => new Integration.KeyCreated(e.Hash, e.AccountId, e.Kind, e.CreatorUserId, Actor(r), r.Recorded))
        .Map<KeyRenamed>((e, r) => new Integration.KeyRenamed(e.Hash, e.AccountId, e.Name, Actor(r), r.Recorded))
        .Map<KeyLimitChanged>((e, r) => new Integration.KeyLimitChanged(e.Hash, e.AccountId, e.Limit, e.LimitReset, Actor(r), r.Recorded))
        .Map<KeyDisabled>((e, r) => new Integration.KeyDisabled(e.Hash, e.AccountId, e.Reason, Actor(r), r.Recorded))
        .Map<KeyEnabled>((e, r) => new Integration.KeyEnabled(e.Hash, e.AccountId, Actor(r), r.Recorded))
        .Map<KeyRotated>((e, r) => new Integration.KeyRotated(e.Hash, e.AccountId, e.PreviousSecretValidUntil, Actor(r), r.Recorded))
        .Map<KeyRotationGraceEnded>((e, r) => new Integration.KeyRotationGraceEnded(e.Hash, e.AccountId, r.Recorded))
        .Map<KeyExpired>((e, r) => new Integration.KeyExpired(e.Hash, e.AccountId, e.ExpiredAt, r.Recorded))
        .Map<KeyDeleted>((e, r) => new Integration.KeyDeleted(e.Hash, e.AccountId, Actor(r), r.Recorded));

    private static string Actor(RecordedEvent recorded) => recorded.Metadata.Actor ?? "unknown";
}
