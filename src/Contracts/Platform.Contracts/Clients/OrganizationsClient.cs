using Platform.Contracts.Identity.V1;
using Platform.Grpc;

namespace Platform.Contracts.Clients;

/// <summary>A typed client of <c>platform.identity.v1.Organizations</c>; building it checks every method against the proto.</summary>
public sealed class OrganizationsClient
{
    private const string Service = "platform.identity.v1.Organizations";
    private readonly UnaryMethod<GetMeRequest, User> _getMe;
    private readonly UnaryMethod<CreateOrganizationRequest, Organization> _createOrganization;
    private readonly UnaryMethod<RenameOrganizationRequest, Organization> _renameOrganization;
    private readonly UnaryMethod<GetOrganizationRequest, Organization> _getOrganization;
    private readonly UnaryMethod<ListMyOrganizationsRequest, ListMyOrganizationsResponse> _listMyOrganizations;
    private readonly UnaryMethod<InviteMemberRequest, InviteMemberResponse> _inviteMember;
    private readonly UnaryMethod<ListInvitationsRequest, ListInvitationsResponse> _listInvitations;
    private readonly UnaryMethod<RevokeInvitationRequest, Invitation> _revokeInvitation;
    private readonly UnaryMethod<AcceptInvitationRequest, Membership> _acceptInvitation;
    private readonly UnaryMethod<ListMembersRequest, ListMembersResponse> _listMembers;
    private readonly UnaryMethod<ChangeMemberRoleRequest, Membership> _changeMemberRole;
    private readonly UnaryMethod<RemoveMemberRequest, RemoveMemberResponse> _removeMember;
    private readonly UnaryMethod<LeaveOrganizationRequest, LeaveOrganizationResponse> _leaveOrganization;
    private readonly UnaryMethod<SetMemberLimitRequest, Organization> _setMemberLimit;
    private readonly UnaryMethod<GetAccessRequest, GetAccessResponse> _getAccess;

    public OrganizationsClient(GrpcChannel channel)
    {
        var client = new GrpcClient(channel, OrganizationsReflection.Descriptor, Service);
        _getMe = client.Unary<GetMeRequest, User>("GetMe");
        _createOrganization = client.Unary<CreateOrganizationRequest, Organization>("CreateOrganization");
        _renameOrganization = client.Unary<RenameOrganizationRequest, Organization>("RenameOrganization");
        _getOrganization = client.Unary<GetOrganizationRequest, Organization>("GetOrganization");
        _listMyOrganizations = client.Unary<ListMyOrganizationsRequest, ListMyOrganizationsResponse>("ListMyOrganizations");
        _inviteMember = client.Unary<InviteMemberRequest, InviteMemberResponse>("InviteMember");
        _listInvitations = client.Unary<ListInvitationsRequest, ListInvitationsResponse>("ListInvitations");
        _revokeInvitation = client.Unary<RevokeInvitationRequest, Invitation>("RevokeInvitation");
        _acceptInvitation = client.Unary<AcceptInvitationRequest, Membership>("AcceptInvitation");
        _listMembers = client.Unary<ListMembersRequest, ListMembersResponse>("ListMembers");
        _changeMemberRole = client.Unary<ChangeMemberRoleRequest, Membership>("ChangeMemberRole");
        _removeMember = client.Unary<RemoveMemberRequest, RemoveMemberResponse>("RemoveMember");
        _leaveOrganization = client.Unary<LeaveOrganizationRequest, LeaveOrganizationResponse>("LeaveOrganization");
        _setMemberLimit = client.Unary<SetMemberLimitRequest, Organization>("SetMemberLimit");
        _getAccess = client.Unary<GetAccessRequest, GetAccessResponse>("GetAccess");
    }

    // GetMe registers the caller on first call, but doing it twice has the same effect: idempotent.
    public Task<User> GetMeAsync(GetMeRequest request, CallOptions options = default) =>
        _getMe.InvokeAsync(request, options with { IsIdempotent = true });

    public Task<Organization> CreateOrganizationAsync(CreateOrganizationRequest request, CallOptions options = default) =>
        _createOrganization.InvokeAsync(request, options);

    public Task<Organization> RenameOrganizationAsync(RenameOrganizationRequest request, CallOptions options = default) =>
        _renameOrganization.InvokeAsync(request, options);

    public Task<Organization> GetOrganizationAsync(GetOrganizationRequest request, CallOptions options = default) =>
        _getOrganization.InvokeAsync(request, options with { IsIdempotent = true });

    public Task<ListMyOrganizationsResponse> ListMyOrganizationsAsync(ListMyOrganizationsRequest request, CallOptions options = default) =>
        _listMyOrganizations.InvokeAsync(request, options with { IsIdempotent = true });

    public Task<InviteMemberResponse> InviteMemberAsync(InviteMemberRequest request, CallOptions options = default) =>
        _inviteMember.InvokeAsync(request, options);

    public Task<ListInvitationsResponse> ListInvitationsAsync(ListInvitationsRequest request, CallOptions options = default) =>
        _listInvitations.InvokeAsync(request, options with { IsIdempotent = true });

    public Task<Invitation> RevokeInvitationAsync(RevokeInvitationRequest request, CallOptions options = default) =>
        _revokeInvitation.InvokeAsync(request, options);

    public Task<Membership> AcceptInvitationAsync(AcceptInvitationRequest request, CallOptions options = default) =>
        _acceptInvitation.InvokeAsync(request, options);

    public Task<ListMembersResponse> ListMembersAsync(ListMembersRequest request, CallOptions options = default) =>
        _listMembers.InvokeAsync(request, options with { IsIdempotent = true });

    public Task<Membership> ChangeMemberRoleAsync(ChangeMemberRoleRequest request, CallOptions options = default) =>
        _changeMemberRole.InvokeAsync(request, options);

    public Task<RemoveMemberResponse> RemoveMemberAsync(RemoveMemberRequest request, CallOptions options = default) =>
        _removeMember.InvokeAsync(request, options);

    public Task<LeaveOrganizationResponse> LeaveOrganizationAsync(LeaveOrganizationRequest request, CallOptions options = default) =>
        _leaveOrganization.InvokeAsync(request, options);

    public Task<Organization> SetMemberLimitAsync(SetMemberLimitRequest request, CallOptions options = default) =>
        _setMemberLimit.InvokeAsync(request, options);

    public Task<GetAccessResponse> GetAccessAsync(GetAccessRequest request, CallOptions options = default) =>
        _getAccess.InvokeAsync(request, options with { IsIdempotent = true });
}
