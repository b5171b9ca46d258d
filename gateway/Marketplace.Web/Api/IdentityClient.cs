using Marketplace.Web.Resources;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Api;

/// <summary>The identity service's HTTP API: vendor self-registration.</summary>
public sealed partial class IdentityClient(HttpClient http, IStringLocalizer<Ui> text, ILogger<IdentityClient> logger) : ServiceClient(http, text, logger)
{
    public const string Service = "identity";

    public Task<ApiResult<object>> RegisterVendorAsync(VendorRegistrationBody body, CancellationToken ct) =>
        SendAsync<object>(HttpMethod.Post, "api/identity/registrations", body, ct);
}

public sealed record VendorRegistrationBody(OrganisationBody Organisation, ContactBody Contact);

public sealed record OrganisationBody(string Type, string? NameEn, string? NameZh, string? BusinessRegistrationNumber, string? SizeClass);

public sealed record ContactBody(string? Email, string? Name, string? Password, string? Locale);
