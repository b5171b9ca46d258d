using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;

namespace Marketplace.ServiceDefaults.OpenApi;

/// <summary>The OpenAPI documents this process serves: one per hosted service, at <c>/openapi/&lt;service&gt;.json</c>.</summary>
public sealed class ApiDocuments
{
    private readonly List<string> _names = [];

    /// <summary>Every document the API page lists.</summary>
    public IReadOnlyList<string> Names => _names;

    /// <summary>True when this process generates documents itself (a gateway only links to its services').</summary>
    public bool GeneratesDocuments { get; private set; }

    internal void Add(string name, bool generated)
    {
        _names.Add(name);
        GeneratesDocuments |= generated;
    }
}

public static class ApiDocumentSetup
{
    /// <summary>
    /// Declares a service's OpenAPI document; endpoints join it through their route group's
    /// <c>WithGroupName(service)</c>.
    /// </summary>
    public static WebApplicationBuilder AddApiDocument(this WebApplicationBuilder builder, string service, string title)
    {
        var existing = Documents(builder);
        if (existing.Names.Contains(service))
        {
            return builder;
        }
        existing.Add(service, generated: true);
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

    /// <summary>Lists another process's document (served at the same path through the gateway) on the API page.</summary>
    public static WebApplicationBuilder AddApiDocumentLink(this WebApplicationBuilder builder, string service)
    {
        var existing = Documents(builder);
        if (!existing.Names.Contains(service))
        {
            existing.Add(service, generated: false);
        }
        return builder;
    }

    private static ApiDocuments Documents(WebApplicationBuilder builder)
    {
        if (builder.Services.FirstOrDefault(d => d.ServiceType == typeof(ApiDocuments))?.ImplementationInstance is ApiDocuments existing)
        {
            return existing;
        }
        existing = new ApiDocuments();
        builder.Services.AddSingleton(existing);
        return existing;
    }
}
