using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;

namespace Marketplace.ServiceDefaults.OpenApi;

/// <summary>The OpenAPI documents this process serves: one per hosted service, at <c>/openapi/&lt;service&gt;.json</c>.</summary>
public sealed class ApiDocuments
{
    private readonly List<string> _names = [];

    public IReadOnlyList<string> Names => _names;

    internal void Add(string name) => _names.Add(name);
}

public static class ApiDocumentSetup
{
    /// <summary>
    /// Declares a service's OpenAPI document; endpoints join it through their route group's
    /// <c>WithGroupName(service)</c>.
    /// </summary>
    public static WebApplicationBuilder AddApiDocument(this WebApplicationBuilder builder, string service, string title)
    {
        var existing = builder.Services.FirstOrDefault(d => d.ServiceType == typeof(ApiDocuments))?.ImplementationInstance as ApiDocuments;
        if (existing is null)
        {
            existing = new ApiDocuments();
            builder.Services.AddSingleton(existing);
        }
        if (existing.Names.Contains(service))
        {
            return builder;
        }
        existing.Add(service);
        builder.Services.AddOpenApi(service, options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = title;
            document.Info.Version = "v1";
            document.Info.Description = "All times are UTC (ISO 8601); money is HKD. Errors are RFC 9457 problem details. " +
                "Send Accept-Language: zh-HK for Traditional Chinese messages.";
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes["Bearer"] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "A token from the identity service (OIDC).",
            };
            document.Security ??= [];
            document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("Bearer", document)] = [] });
            return Task.CompletedTask;
        }));
        return builder;
    }
}
