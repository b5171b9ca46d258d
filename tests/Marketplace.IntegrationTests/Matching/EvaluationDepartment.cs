using Marketplace.IntegrationTests.Infrastructure;
using Marketplace.ServiceDefaults.Auth;
using Marketplace.Testing;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.IntegrationTests.Matching;

/// <summary>
/// A real department made through the identity API, with an organisation manager and plain
/// officers, once matching has learned of them from identity's MembershipChanged events.
/// </summary>
internal sealed record EvaluationDepartment(Guid Id, string Manager, IReadOnlyList<string> Officers)
{
    public static async Task<EvaluationDepartment> CreateAsync(MarketplaceEnvironment env, int officers = 2)
    {
        var id = await env.CreateOrganisationAsync("Department");
        var (manager, _) = await env.AddMemberAsync(id, Roles.DepartmentOfficer, manager: true);
        var list = new List<string>();
        for (var i = 0; i < officers; i++)
        {
            list.Add((await env.AddMemberAsync(id, Roles.DepartmentOfficer, manager: false)).UserId.ToString());
        }
        await Eventually.Until(() => env.InMatchingDbAsync(db => db.OrganisationMembers.CountAsync(m => m.OrganisationId == id && m.Active)), n => n == officers + 1,
            what: "matching to learn of the department's officers");
        return new EvaluationDepartment(id, manager.ToString(), list);
    }

    public HttpClient Matching(MarketplaceEnvironment env, string subject) => env.MatchingClient().As(Roles.DepartmentOfficer, Id, subject);

    public HttpClient Catalogue(MarketplaceEnvironment env) => env.CatalogueClient().As(Roles.DepartmentOfficer, Id, Manager);
}
