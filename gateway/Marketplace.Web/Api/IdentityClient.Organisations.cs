namespace Marketplace.Web.Api;

/// <summary>One organisation and its members: read by administrators and by the organisation's own managers.</summary>
public sealed partial class IdentityClient
{
    public Task<ApiResult<Organisation>> OrganisationAsync(Guid id, CancellationToken ct) => GetAsync<Organisation>($"api/identity/organisations/{id}", ct);

    public Task<ApiResult<List<Member>>> MembersAsync(Guid organisationId, CancellationToken ct) =>
        GetAsync<List<Member>>($"api/identity/organisations/{organisationId}/members", ct);
}
