using System.Text.Json.Nodes;
using Marketplace.OpenData.Domain;

namespace Marketplace.OpenData.Ocds;

/// <summary>Parties and organisation references, with the Hong Kong business registration number as identifier where known.</summary>
public static class OcdsParties
{
    /// <summary>org-id.guide style scheme for Hong Kong business registration numbers.</summary>
    public const string BusinessRegistrationScheme = "HK-BRN";

    public static JsonObject Party(Guid id, Organisation? organisation, params string[] roles)
    {
        var party = new JsonObject { ["id"] = id.ToString() };
        if (organisation is { NameEn.Length: > 0 })
        {
            party["name"] = organisation.NameEn;
            party["name_zh-Hant"] = organisation.NameZh;
        }
        if (organisation?.BusinessRegistrationNumber is { Length: > 0 } brn)
        {
            party["identifier"] = new JsonObject { ["scheme"] = BusinessRegistrationScheme, ["id"] = brn, ["legalName"] = organisation.NameEn };
        }
        party["roles"] = new JsonArray([.. roles.Select(r => (JsonNode)r)]);
        return party;
    }

    public static JsonObject Reference(Guid id, Organisation? organisation)
    {
        var reference = new JsonObject { ["id"] = id.ToString() };
        if (organisation is { NameEn.Length: > 0 })
        {
            reference["name"] = organisation.NameEn;
        }
        return reference;
    }

    public static JsonObject Value(decimal amountHkd) => new() { ["amount"] = amountHkd, ["currency"] = "HKD" };
}
