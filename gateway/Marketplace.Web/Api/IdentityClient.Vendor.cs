namespace Marketplace.Web.Api;

// The organisation's pages: the signed-in person's account, the profile, members, invitations and API clients.
public sealed partial class IdentityClient
{
    public Task<ApiResult<Account>> MeAsync(CancellationToken ct) => GetAsync<Account>("api/identity/me", ct);

    public Task<ApiResult<Organisation>> ChangeOrganisationAsync(Guid id, OrganisationChangeBody body, CancellationToken ct) =>
        SendAsync<Organisation>(HttpMethod.Put, $"api/identity/organisations/{id}", body, ct);

    public Task<ApiResult<Member>> ChangeMemberAsync(Guid organisationId, Guid userId, MemberBody body, CancellationToken ct) =>
        SendAsync<Member>(HttpMethod.Put, $"api/identity/organisations/{organisationId}/members/{userId}", body, ct);

    public Task<ApiResult<object>> RemoveMemberAsync(Guid organisationId, Guid userId, CancellationToken ct) =>
        SendAsync<object>(HttpMethod.Delete, $"api/identity/organisations/{organisationId}/members/{userId}", null, ct);

    public Task<ApiResult<List<Invitation>>> InvitationsAsync(Guid organisationId, CancellationToken ct) =>
        GetAsync<List<Invitation>>($"api/identity/organisations/{organisationId}/invitations", ct);

    public Task<ApiResult<CreatedInvitation>> InviteAsync(Guid organisationId, InvitationBody body, CancellationToken ct) =>
        SendAsync<CreatedInvitation>(HttpMethod.Post, $"api/identity/organisations/{organisationId}/invitations", body, ct);

    public Task<ApiResult<object>> WithdrawInvitationAsync(Guid organisationId, Guid invitationId, CancellationToken ct) =>
        SendAsync<object>(HttpMethod.Delete, $"api/identity/organisations/{organisationId}/invitations/{invitationId}", null, ct);

    public Task<ApiResult<List<ApiClient>>> ClientsAsync(Guid organisationId, CancellationToken ct) =>
        GetAsync<List<ApiClient>>($"api/identity/organisations/{organisationId}/clients", ct);

    public Task<ApiResult<CreatedApiClient>> CreateClientAsync(Guid organisationId, string? name, CancellationToken ct) =>
        SendAsync<CreatedApiClient>(HttpMethod.Post, $"api/identity/organisations/{organisationId}/clients", new { name }, ct);

    public Task<ApiResult<object>> RevokeClientAsync(Guid organisationId, Guid clientId, CancellationToken ct) =>
        SendAsync<object>(HttpMethod.Delete, $"api/identity/organisations/{organisationId}/clients/{clientId}", null, ct);
}
