using Platform.EventStore;
using MassTransit;
using Platform.Identity.Access;
using Platform.Identity.DevelopmentIssuer;
using Platform.Identity.Invitations;
using Platform.Identity.Members;
using Platform.Identity.Organizations;
using Platform.Identity.Storage;
using Platform.Identity.Users;
using Platform.Messaging;
using Integration = Platform.Contracts.IntegrationEvents;

namespace Platform.Identity;

public static class Extensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        // Before the event store's start-up, so the projection's tables exist when the first append runs.
        services.AddHostedService<IdentitySchema>();
        builder.AddEventStore("identitydb", store =>
        {
            store.Events.RegisterAssembly(typeof(OrganizationCreated).Assembly);
            store.Projections.Inline<OrganizationProjection>();
            store.PollInterval = TimeSpan.FromMilliseconds(50); // integration events go out within ~50 ms
        });
        // Every instance needs every membership event for its own GetAccess cache.
        builder.AddPlatformMessaging(bus => bus.AddConsumer<MembershipChangedConsumer>()
            .Endpoint(endpoint => endpoint.OfThisInstance("identity-access-cache")));
        services.AddOutboxRelay(relay => relay
            .Map<OrganizationCreated>((e, r) => new Integration.OrganizationCreated(e.OrganizationId, e.AccountId, e.Name, e.CreatorUserId, r.Recorded))
            .Map<MemberJoined>((e, r) => new Integration.MemberJoined(e.OrganizationId, e.AccountId, e.UserId, e.Role, r.Recorded))
            .Map<MemberRoleChanged>((e, r) => new Integration.MemberRoleChanged(e.OrganizationId, e.AccountId, e.UserId, e.PreviousRole, e.Role,
                r.Metadata.Actor ?? "", r.Recorded))
            .Map<MemberRemoved>((e, r) => new Integration.MemberRemoved(e.OrganizationId, e.AccountId, e.UserId, "removed", r.Metadata.Actor ?? "", r.Recorded))
            .Map<MemberLeft>((e, r) => new Integration.MemberRemoved(e.OrganizationId, e.AccountId, e.UserId, "left", r.Metadata.Actor ?? "", r.Recorded)));

        services.Configure<InvitationOptions>(builder.Configuration.GetSection(InvitationOptions.SectionName));
        services.AddSingleton<UserDirectory>();
        services.AddSingleton<OrganizationStreams>();
        services.AddSingleton<OrganizationQueries>();
        services.AddSingleton<OrganizationCommands>();
        services.AddSingleton<InvitationCommands>();
        services.AddSingleton<MemberCommands>();
        services.AddSingleton<AccessCache>();
        services.AddSingleton<AccessQueries>();
        services.AddSingleton<DevelopmentSubjects>();
        return builder;
    }
}
