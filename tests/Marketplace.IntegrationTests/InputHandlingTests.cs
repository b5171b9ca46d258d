using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Marketplace.IntegrationTests.Infrastructure;
using Marketplace.ServiceDefaults.Auth;
using Marketplace.Testing;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.IntegrationTests;

/// <summary>The shared handling of bad input every service gets: forms, text, enums, query strings, content types, emails.</summary>
public abstract class InputHandlingTests(MarketplaceEnvironment env)
{
    public static TheoryData<string, string, string> MalformedForms => new()
    {
        { "truncated multipart", "multipart/form-data; boundary=b", "--b\r\nContent-Disposition: form-data; name=\"grant_type\"\r\n\r\npass" },
        { "multipart without a boundary", "multipart/form-data", "--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nb\r\n--b--\r\n" },
        { "NUL in a value", "application/x-www-form-urlencoded", "grant_type=password&username=a%00b&password=x&token=a%00" },
        { "more than 1,024 keys", "application/x-www-form-urlencoded", string.Join('&', Enumerable.Range(0, 1100).Select(i => $"k{i}=v")) },
        { "a 5 MB value", "application/x-www-form-urlencoded", "grant_type=password&token=" + new string('a', 5 << 20) },
    };

    [Theory]
    [MemberData(nameof(MalformedForms))]
    public async Task Malformed_forms_sent_to_the_token_server_answer_an_OAuth_error_not_a_server_error(string label, string contentType, string body)
    {
        foreach (var endpoint in new[] { "/api/identity/connect/token", "/api/identity/connect/revocation" })
        {
            var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            content.Headers.TryAddWithoutValidation("Content-Type", contentType);

            var response = await env.IdentityClient().PostAsync(endpoint, content);

            Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge, $"{label} at {endpoint}: {(int)response.StatusCode}");
            var error = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("invalid_request", error.GetProperty("error").GetString());
            Assert.False(string.IsNullOrEmpty(error.GetProperty("error_description").GetString()));
        }
    }

    [Fact]
    public async Task A_control_character_in_any_text_field_is_refused_naming_its_JSON_path_and_nothing_is_stored()
    {
        var department = await env.CreateOrganisationAsync("Department");
        var officer = env.CatalogueClient().As(Roles.DepartmentOfficer, department);
        var body = ScenarioBuilder.ValidBody(titleEn: "Line\nbreak in a title");
        body["kpis"]![0]!["nameEn"] = "Forecast\u0000error";
        body["capabilities"]![0] = "forecasting\u0007";

        var response = await officer.PostAsJsonAsync("/api/catalogue/scenarios", body);

        await response.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("kpis[0].nameEn", out _), errors.ToString());
        Assert.True(errors.TryGetProperty("titleEn", out _), errors.ToString());
        Assert.True(errors.TryGetProperty("capabilities[0]", out _), errors.ToString());
        Assert.Equal(0, await env.InCatalogueDbAsync(db => db.Scenarios.CountAsync(s => s.DepartmentId == department)));
    }

    [Fact]
    public async Task Line_breaks_and_tabs_are_accepted_in_multi_line_fields_only()
    {
        var officer = env.CatalogueClient().As(Roles.DepartmentOfficer, await env.CreateOrganisationAsync("Department"));
        var body = ScenarioBuilder.ValidBody();
        body["problemEn"] = "First paragraph.\r\n\r\n\tSecond paragraph.";

        await (await officer.PostAsJsonAsync("/api/catalogue/scenarios", body)).ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task An_unpaired_surrogate_in_a_text_field_is_refused()
    {
        var officer = env.CatalogueClient().As(Roles.DepartmentOfficer, await env.CreateOrganisationAsync("Department"));
        var json = ScenarioBuilder.ValidBody(titleEn: "LONE").ToJsonString().Replace("LONE", "half \\ud800 pair", StringComparison.Ordinal);

        var response = await officer.PostAsync("/api/catalogue/scenarios", new StringContent(json, Encoding.UTF8, "application/json"));

        await response.ShouldBe(HttpStatusCode.BadRequest);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("titleEn", out _));
    }

    [Theory]
    [InlineData("/api/catalogue/scenarios?status=0", "status")]
    [InlineData("/api/catalogue/scenarios?area=1", "area")]
    [InlineData("/api/catalogue/scenarios?area=Living,Mobility", "area")]
    public async Task Enum_values_in_a_query_bind_by_their_names_only_and_the_answer_lists_them(string path, string field)
    {
        var response = await env.CatalogueClient().GetAsync(path);

        await response.ShouldBe(HttpStatusCode.BadRequest);
        var message = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty(field)[0].GetString();
        Assert.Contains("must be one of", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Enum_values_in_a_body_bind_by_their_names_only()
    {
        var numeric = await env.AdminClient().PostAsJsonAsync("/api/identity/organisations", new
        {
            type = "Vendor", nameEn = "Numeric size", nameZh = "數字規模", businessRegistrationNumber = IdentityFixtures.UniqueBrn(), sizeClass = "0",
        });
        var lowercase = await env.AdminClient().PostAsJsonAsync("/api/identity/organisations", new
        {
            type = "vendor", nameEn = "Lowercase size", nameZh = "小寫規模", businessRegistrationNumber = IdentityFixtures.UniqueBrn(), sizeClass = "sme",
        });

        await numeric.ShouldBe(HttpStatusCode.BadRequest);
        Assert.Contains("Startup", (await numeric.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("sizeClass")[0].GetString(), StringComparison.Ordinal);
        await lowercase.ShouldBe(HttpStatusCode.Created);
    }

    [Theory]
    [InlineData("page=abc", "page", "whole number", "整數")]
    [InlineData("departmentId=not-a-guid", "departmentId", "GUID", "GUID")]
    [InlineData("budgetMin=1e400", "budgetMin", "number", "數字")]
    [InlineData("deadlineFrom=yesterday", "deadlineFrom", "ISO 8601", "ISO 8601")]
    public async Task A_query_parameter_of_the_wrong_type_is_named_in_both_languages(string query, string field, string english, string chinese)
    {
        foreach (var (language, expected) in new[] { ("en", english), ("zh-HK", chinese) })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/catalogue/scenarios?" + query);
            request.Headers.AcceptLanguage.ParseAdd(language);

            var response = await env.CatalogueClient().SendAsync(request);

            await response.ShouldBe(HttpStatusCode.BadRequest);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            var message = problem.GetProperty("errors").GetProperty(field)[0].GetString();
            Assert.Contains(expected, message, StringComparison.Ordinal);
            Assert.DoesNotContain("Failed to bind", problem.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_ill_typed_JSON_value_is_named_by_its_path()
    {
        var officer = env.CatalogueClient().As(Roles.DepartmentOfficer, await env.CreateOrganisationAsync("Department"));
        var body = ScenarioBuilder.ValidBody();
        body["kpis"]![0]!["target"] = 15;

        var response = await officer.PostAsJsonAsync("/api/catalogue/scenarios", body);

        await response.ShouldBe(HttpStatusCode.BadRequest);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("kpis[0].target", out _));
    }

    [Fact]
    public async Task A_JSON_body_without_a_content_type_answers_415_with_a_415_title()
    {
        var officer = env.CatalogueClient().As(Roles.DepartmentOfficer, await env.CreateOrganisationAsync("Department"));

        var response = await officer.PostAsync("/api/catalogue/scenarios", new ByteArrayContent(Encoding.UTF8.GetBytes(ScenarioBuilder.ValidBody().ToJsonString())));

        await response.ShouldBe(HttpStatusCode.UnsupportedMediaType);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Unsupported media type.", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
    }

    [Theory]
    [InlineData("a@b")]
    [InlineData("name@localhost")]
    [InlineData("Name <name@example.hk>")]
    [InlineData(" name@example.hk")]
    public async Task An_email_address_without_a_proper_domain_is_refused_wherever_emails_are_given(string email)
    {
        var department = await env.CreateOrganisationAsync("Department");
        var invitation = await env.AdminClient().PostAsJsonAsync($"/api/identity/organisations/{department}/invitations", new { email, role = Roles.DepartmentOfficer, manager = false });
        var scenario = ScenarioBuilder.ValidBody();
        scenario["contactEmail"] = email;
        var created = await env.CatalogueClient().As(Roles.DepartmentOfficer, department).PostAsJsonAsync("/api/catalogue/scenarios", scenario);

        await invitation.ShouldBe(HttpStatusCode.BadRequest);
        Assert.True((await invitation.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("email", out _));
        await created.ShouldBe(HttpStatusCode.BadRequest);
        Assert.True((await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("contactEmail", out _));
    }
}

public sealed class InputHandlingTests_Standalone(StandaloneEnvironment env) : InputHandlingTests(env), IClassFixture<StandaloneEnvironment>;

public sealed class InputHandlingTests_Distributed(DistributedEnvironment env) : InputHandlingTests(env), IClassFixture<DistributedEnvironment>;
