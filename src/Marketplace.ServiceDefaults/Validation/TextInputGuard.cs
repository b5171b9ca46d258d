using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using Marketplace.ServiceDefaults.Localization;
using Microsoft.AspNetCore.Http.Metadata;

namespace Marketplace.ServiceDefaults.Validation;

/// <summary>
/// Refuses a JSON body in which any text value holds a control character or an unpaired surrogate
/// (line breaks and tabs only in fields marked <see cref="MultilineTextAttribute"/> on the endpoint's
/// request type), before any handler sees it: one 400 naming every such field by its JSON path
/// (<c>kpis[0].nameEn</c>); query values are held to the single-line rule. A body that is not valid JSON is left to the binder, which reports it.
/// </summary>
internal sealed class TextInputGuard(RequestDelegate next)
{
    private static readonly ConcurrentDictionary<Type, Dictionary<string, Member>> s_members = new();

    private sealed record Member(Type Type, bool Multiline);

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        // Query values reach handlers and databases too (PostgreSQL refuses a NUL in text).
        var queryErrors = new ValidationErrors();
        foreach (var (name, values) in request.Query)
        {
            if (values.Any(v => TextRules.HasForbiddenCharacters(v, multiline: false)))
            {
                queryErrors.Add(name, Messages.ControlCharacters.Format(name));
            }
        }
        if (!queryErrors.IsValid)
        {
            await queryErrors.ToProblem().ExecuteAsync(context);
            return;
        }

        // Only endpoints that bind a JSON body: a proxied or streamed body is not this process's to read.
        var requestType = context.GetEndpoint()?.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType;
        if (requestType is null || !HasJsonBody(request))
        {
            await next(context);
            return;
        }
        request.EnableBuffering();
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, context.RequestAborted);
        request.Body.Position = 0;

        var errors = new ValidationErrors();
        try
        {
            var reader = new Utf8JsonReader(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
            if (reader.Read())
            {
                Scan(ref reader, requestType, "", multiline: false, errors);
            }
        }
        catch (JsonException)
        {
            // Not JSON: the binder answers with the position it could not read.
        }
        if (!errors.IsValid)
        {
            await errors.ToProblem().ExecuteAsync(context);
            return;
        }
        await next(context);
    }

    private static bool HasJsonBody(HttpRequest request) =>
        (HttpMethods.IsPost(request.Method) || HttpMethods.IsPut(request.Method) || HttpMethods.IsPatch(request.Method))
        && request.ContentType is { } type
        && (type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) || type.Contains("+json", StringComparison.OrdinalIgnoreCase));

    private static void Scan(ref Utf8JsonReader reader, Type? type, string path, bool multiline, ValidationErrors errors)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var name = reader.GetString() ?? "";
                    var member = MemberOf(type, name);
                    reader.Read();
                    Scan(ref reader, member?.Type, path.Length == 0 ? name : $"{path}.{name}", member?.Multiline ?? false, errors);
                }
                break;
            case JsonTokenType.StartArray:
                var element = ElementOf(type);
                for (var i = 0; reader.Read() && reader.TokenType != JsonTokenType.EndArray; i++)
                {
                    Scan(ref reader, element, $"{path}[{i}]", multiline, errors);
                }
                break;
            case JsonTokenType.String:
                var field = path.Length == 0 ? "$" : path;
                if (!IsAcceptable(ref reader, multiline))
                {
                    errors.Add(field, (multiline ? Messages.ControlCharactersMultiline : Messages.ControlCharacters).Format(field));
                }
                break;
        }
    }

    private static bool IsAcceptable(ref Utf8JsonReader reader, bool multiline)
    {
        try
        {
            return !TextRules.HasForbiddenCharacters(reader.GetString(), multiline);
        }
        catch (InvalidOperationException)
        {
            // An escaped lone surrogate (\ud800) or bytes that are not UTF-8 cannot become text.
            return false;
        }
    }

    private static Member? MemberOf(Type? type, string name) =>
        type is null ? null : s_members.GetOrAdd(type, Members).GetValueOrDefault(name);

    private static Dictionary<string, Member> Members(Type type)
    {
        // Positional records carry the marker on the constructor parameter.
        var marked = type.GetConstructors().SelectMany(c => c.GetParameters())
            .Where(p => p.IsDefined(typeof(MultilineTextAttribute)) && p.Name is not null)
            .Select(p => p.Name!).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var members = new Dictionary<string, Member>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            members.TryAdd(property.Name, new Member(property.PropertyType, marked.Contains(property.Name) || property.IsDefined(typeof(MultilineTextAttribute))));
        }
        return members;
    }

    private static Type? ElementOf(Type? type) =>
        type is null ? null
        : type.IsArray ? type.GetElementType()
        : type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];
}
