using Platform.Contracts.Identity.V1;
using Platform.Grpc;

namespace Platform.Identity.Tests;

/// <summary>
/// Every Organizations RPC called by every kind of caller, on a fresh organization each time, with the outcome asserted.
/// Identity accepts user and service JWTs only: an API key (sk-plt-v1-...) is not a credential it knows, so it is
/// UNAUTHENTICATED like a garbage token, before any handler runs.
/// </summary>
public sealed class AuthorizationMatrixTests(IdentityFixture fixture) : IClassFixture<IdentityFixture>
{
    private const string ApiKey = "sk-plt-v1-0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    private const string Garbage = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJtYWxsb3J5In0.c2lnbmF0dXJlLW5vdC12YWxpZA";

    // Columns: the caller. Admin and Member of the organization; Outsider: admin of another organization; Invitee: holds a
    // pending invitation to it; Support: platform_role=support, not a member; Service: a service JWT; None: no credential.
    private static readonly string[] Callers = ["Admin", "Member", "Outsider", "Invitee", "Support", "Service", "None", "Garbage", "ApiKey"];

    // OK, PD = PERMISSION_DENIED, NF = NOT_FOUND, FP = FAILED_PRECONDITION, UA = UNAUTHENTICATED.
    private static readonly Dictionary<string, string> Expected = new()
    {
        //                      Admin Member Outsider Invitee Support Service None Garbage ApiKey
        ["GetMe"] =              "OK  OK  OK  OK  OK  PD  UA UA UA",
        ["CreateOrganization"] = "OK  OK  OK  OK  OK  PD  UA UA UA",
        ["RenameOrganization"] = "OK  PD  NF  NF  NF  PD  UA UA UA",
        ["GetOrganization"] =    "OK  OK  NF  NF  OK  PD  UA UA UA",
        ["ListMyOrganizations"] = "OK OK  OK  OK  OK  PD  UA UA UA",
        ["InviteMember"] =       "OK  PD  NF  NF  NF  PD  UA UA UA",
        ["ListInvitations"] =    "OK  PD  NF  NF  NF  PD  UA UA UA",
        ["RevokeInvitation"] =   "OK  PD  NF  NF  NF  PD  UA UA UA",
        ["AcceptInvitation"] =   "PD  PD  PD  OK  PD  PD  UA UA UA",
        ["ListMembers"] =        "OK  OK  NF  NF  OK  PD  UA UA UA",
        ["ChangeMemberRole"] =   "OK  PD  NF  NF  NF  PD  UA UA UA",
        ["RemoveMember"] =       "OK  PD  NF  NF  NF  PD  UA UA UA",
        ["LeaveOrganization"] =  "FP  OK  NF  NF  NF  PD  UA UA UA",
        ["SetMemberLimit"] =     "PD  PD  PD  PD  OK  PD  UA UA UA",
        ["GetAccess"] =          "PD  OK  PD  PD  PD  OK  UA UA UA", // about the member: themselves or a service
    };

    public static TheoryData<string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var (rpc, row) in Expected)
        {
            var outcomes = row.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            for (var i = 0; i < Callers.Length; i++) data.Add(rpc, Callers[i], outcomes[i]);
        }
        return data;
    }

    [Fact]
    public void The_matrix_covers_every_rpc_of_the_service()
    {
        var rpcs = OrganizationsReflection.Descriptor.Services.Single(s => s.Name == "Organizations").Methods.Select(m => m.Name);
        Assert.Equal(rpcs.Order(), Expected.Keys.Order());
        Assert.All(Expected.Values, row => Assert.Equal(Callers.Length, row.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_rpc_as_each_caller(string rpc, string caller, string expected)
    {
        var server = fixture.Server;
        var s = await OrganizationScenario.CreateAsync(server, members: 1);
        var outsider = await server.SignInAsync("outsider");
        await server.Organizations.CreateOrganizationAsync(new CreateOrganizationRequest { Name = "Elsewhere" }, outsider.Call);
        var invitee = await server.SignInAsync("invitee");
        var invitation = await server.Organizations.InviteMemberAsync(
            new InviteMemberRequest { OrganizationId = s.Org.OrganizationId, Email = invitee.Email }, s.Admin.Call);
        var support = await server.SignInAsync("support", platformRole: "support");
        var options = caller switch
        {
            "Admin" => s.Admin.Call,
            "Member" => s.Members[0].Call,
            "Outsider" => outsider.Call,
            "Invitee" => invitee.Call,
            "Support" => support.Call,
            "Service" => server.AsService(),
            "None" => Credentials.Bearer(null),
            "Garbage" => Credentials.Bearer(Garbage),
            "ApiKey" => Credentials.Bearer(ApiKey),
            _ => throw new ArgumentException(caller),
        };
        var org = s.Org.OrganizationId;
        var member = s.Members[0].UserId;
        var orgs = server.Organizations;

        Task call = rpc switch
        {
            "GetMe" => orgs.GetMeAsync(new GetMeRequest(), options),
            "CreateOrganization" => orgs.CreateOrganizationAsync(new CreateOrganizationRequest { Name = "New" }, options),
            "RenameOrganization" => orgs.RenameOrganizationAsync(new RenameOrganizationRequest { OrganizationId = org, Name = "Renamed" }, options),
            "GetOrganization" => orgs.GetOrganizationAsync(new GetOrganizationRequest { OrganizationId = org }, options),
            "ListMyOrganizations" => orgs.ListMyOrganizationsAsync(new ListMyOrganizationsRequest(), options),
            "InviteMember" => orgs.InviteMemberAsync(new InviteMemberRequest { OrganizationId = org, Email = $"new-{Guid.NewGuid():N}@example.com" }, options),
            "ListInvitations" => orgs.ListInvitationsAsync(new ListInvitationsRequest { OrganizationId = org }, options),
            "RevokeInvitation" => orgs.RevokeInvitationAsync(new RevokeInvitationRequest { OrganizationId = org, InvitationId = invitation.Invitation.InvitationId }, options),
            "AcceptInvitation" => orgs.AcceptInvitationAsync(new AcceptInvitationRequest { Token = invitation.Token }, options),
            "ListMembers" => orgs.ListMembersAsync(new ListMembersRequest { OrganizationId = org }, options),
            "ChangeMemberRole" => orgs.ChangeMemberRoleAsync(new ChangeMemberRoleRequest { OrganizationId = org, UserId = member, Role = Role.Admin }, options),
            "RemoveMember" => orgs.RemoveMemberAsync(new RemoveMemberRequest { OrganizationId = org, UserId = member }, options),
            "LeaveOrganization" => orgs.LeaveOrganizationAsync(new LeaveOrganizationRequest { OrganizationId = org }, options),
            "SetMemberLimit" => orgs.SetMemberLimitAsync(new SetMemberLimitRequest { OrganizationId = org, MemberLimit = 12 }, options),
            "GetAccess" => orgs.GetAccessAsync(new GetAccessRequest { UserId = member, AccountId = s.Org.AccountId }, options),
            _ => throw new ArgumentException(rpc),
        };

        var status = StatusCode.OK;
        try { await call; }
        catch (RpcException e) { status = e.StatusCode; }

        Assert.Equal(expected switch
        {
            "OK" => StatusCode.OK,
            "PD" => StatusCode.PermissionDenied,
            "NF" => StatusCode.NotFound,
            "FP" => StatusCode.FailedPrecondition,
            "UA" => StatusCode.Unauthenticated,
            _ => throw new ArgumentException(expected),
        }, status);
    }
}
