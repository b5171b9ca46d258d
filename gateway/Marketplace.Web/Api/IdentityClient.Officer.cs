namespace Marketplace.Web.Api;

/// <summary>The department officer's identity calls: the department's members (for choosing evaluators; its managers may list them).</summary>
public sealed partial class IdentityClient
{
    public Task<ApiResult<List<Member>>> MembersAsync(Guid organisationId, CancellationToken ct) =>
        GetAsync<List<Member>>($"api/identity/organisations/{organisationId}/members", ct);
}
