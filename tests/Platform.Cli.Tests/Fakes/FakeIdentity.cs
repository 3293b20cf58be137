using Google.Protobuf.WellKnownTypes;
using Platform.Contracts.Identity.V1;
using Platform.Grpc;

namespace Platform.Cli.Tests.Fakes;

[GrpcService(typeof(DevelopmentIssuerReflection), "platform.identity.v1.DevelopmentIssuer")]
public sealed class FakeIssuer(FakeState state)
{
    public Task<IssueTokenResponse> IssueToken(IssueTokenRequest request, ServerCallContext context)
    {
        state.Requests.Enqueue(request);
        return Task.FromResult(new IssueTokenResponse
        {
            AccessToken = FakeState.Token, UserId = FakeState.UserId, ExpiresAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddHours(8)),
        });
    }

    public Task<IssueTokenResponse> IssueServiceToken(IssueServiceTokenRequest request, ServerCallContext context) => throw FakeKeys.Unused;
}

[GrpcService(typeof(OrganizationsReflection), "platform.identity.v1.Organizations")]
public sealed class FakeOrganizations(FakeState state)
{
    public Task<User> GetMe(GetMeRequest request, ServerCallContext context)
    {
        var credential = context.User?.FindFirst("sub")?.Value;
        state.Credentials.Enqueue(credential);
        if (credential is null) throw new RpcException(StatusCode.Unauthenticated, "No credential.");
        return Task.FromResult(new User { UserId = FakeState.UserId, Email = "ada@example.com", Name = "Ada", PersonalAccountId = FakeState.AccountId });
    }

    public Task<Organization> CreateOrganization(CreateOrganizationRequest request, ServerCallContext context) => throw FakeKeys.Unused;
    public Task<Organization> RenameOrganization(RenameOrganizationRequest request, ServerCallContext context) => throw FakeKeys.Unused;
    public Task<Organization> GetOrganization(GetOrganizationRequest request, ServerCallContext context) => throw FakeKeys.Unused;
    public Task<ListMyOrganizationsResponse> ListMyOrganizations(ListMyOrganizationsRequest request, ServerCallContext context) => throw FakeKeys.Unused;
    public Task<InviteMemberResponse> InviteMember(InviteMemberRequest request, ServerCallContext context) => throw FakeKeys.Unused;
    public Task<ListInvitationsResponse> ListInvitations(ListInvitationsRequest request, ServerCallContext context) => throw FakeKeys.Unused;
    public Task<Invitation> RevokeInvitation(RevokeInvitationRequest request, ServerCallContext context) => throw FakeKeys.Unused;
    public Task<Membership> AcceptInvitation(AcceptInvitationRequest request, ServerCallContext context) => throw FakeKeys.Unused;
    public Task<ListMembersResponse> ListMembers(ListMembersRequest request, ServerCallContext context) => throw FakeKeys.Unused;
    public Task<Membership> ChangeMemberRole(ChangeMemberRoleRequest request, ServerCallContext context) => throw FakeKeys.Unused;
    public Task<RemoveMemberResponse> RemoveMember(RemoveMemberRequest request, ServerCallContext context) => throw FakeKeys.Unused;
    public Task<LeaveOrganizationResponse> LeaveOrganization(LeaveOrganizationRequest request, ServerCallContext context) => throw FakeKeys.Unused;
    public Task<Organization> SetMemberLimit(SetMemberLimitRequest request, ServerCallContext context) => throw FakeKeys.Unused;
    public Task<GetAccessResponse> GetAccess(GetAccessRequest request, ServerCallContext context) => throw FakeKeys.Unused;
}
