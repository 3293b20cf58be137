// STAND-IN: deleted when the real client reaches main (see docs/cli.md). Do not merge.
using Platform.Contracts.Identity.V1;
using Platform.Grpc;

namespace Platform.Contracts.Clients;

internal sealed class OrganizationsClient(GrpcChannel channel)
{
    private readonly GrpcClient _client = new(channel, OrganizationsReflection.Descriptor, "platform.identity.v1.Organizations");

    public Task<User> GetMeAsync(GetMeRequest request, CallOptions options = default) =>
        _client.Unary<GetMeRequest, User>("GetMe").InvokeAsync(request, options with { IsIdempotent = true });

    public Task<Organization> CreateOrganizationAsync(CreateOrganizationRequest request, CallOptions options = default) =>
        _client.Unary<CreateOrganizationRequest, Organization>("CreateOrganization").InvokeAsync(request, options);

    public Task<Organization> RenameOrganizationAsync(RenameOrganizationRequest request, CallOptions options = default) =>
        _client.Unary<RenameOrganizationRequest, Organization>("RenameOrganization").InvokeAsync(request, options);

    public Task<Organization> GetOrganizationAsync(GetOrganizationRequest request, CallOptions options = default) =>
        _client.Unary<GetOrganizationRequest, Organization>("GetOrganization").InvokeAsync(request, options with { IsIdempotent = true });

    public Task<ListMyOrganizationsResponse> ListMyOrganizationsAsync(ListMyOrganizationsRequest request, CallOptions options = default) =>
        _client.Unary<ListMyOrganizationsRequest, ListMyOrganizationsResponse>("ListMyOrganizations").InvokeAsync(request, options with { IsIdempotent = true });

    public Task<InviteMemberResponse> InviteMemberAsync(InviteMemberRequest request, CallOptions options = default) =>
        _client.Unary<InviteMemberRequest, InviteMemberResponse>("InviteMember").InvokeAsync(request, options);

    public Task<ListInvitationsResponse> ListInvitationsAsync(ListInvitationsRequest request, CallOptions options = default) =>
        _client.Unary<ListInvitationsRequest, ListInvitationsResponse>("ListInvitations").InvokeAsync(request, options with { IsIdempotent = true });

    public Task<Invitation> RevokeInvitationAsync(RevokeInvitationRequest request, CallOptions options = default) =>
        _client.Unary<RevokeInvitationRequest, Invitation>("RevokeInvitation").InvokeAsync(request, options);

    public Task<Membership> AcceptInvitationAsync(AcceptInvitationRequest request, CallOptions options = default) =>
        _client.Unary<AcceptInvitationRequest, Membership>("AcceptInvitation").InvokeAsync(request, options);

    public Task<ListMembersResponse> ListMembersAsync(ListMembersRequest request, CallOptions options = default) =>
        _client.Unary<ListMembersRequest, ListMembersResponse>("ListMembers").InvokeAsync(request, options with { IsIdempotent = true });

    public Task<Membership> ChangeMemberRoleAsync(ChangeMemberRoleRequest request, CallOptions options = default) =>
        _client.Unary<ChangeMemberRoleRequest, Membership>("ChangeMemberRole").InvokeAsync(request, options);

    public Task<RemoveMemberResponse> RemoveMemberAsync(RemoveMemberRequest request, CallOptions options = default) =>
        _client.Unary<RemoveMemberRequest, RemoveMemberResponse>("RemoveMember").InvokeAsync(request, options);

    public Task<LeaveOrganizationResponse> LeaveOrganizationAsync(LeaveOrganizationRequest request, CallOptions options = default) =>
        _client.Unary<LeaveOrganizationRequest, LeaveOrganizationResponse>("LeaveOrganization").InvokeAsync(request, options);
}
