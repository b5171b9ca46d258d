using System.Globalization;
using System.Text.Json.Nodes;
using CsvHelper.Configuration.Attributes;

namespace Marketplace.OpenData.Ocds;

/// <summary>One row of the flattened CSV download: an award, a contract, a milestone or a payment of a compiled record.</summary>
public sealed record ContractingRow(
    [property: Name("ocid")] string Ocid,
    [property: Name("tender_title")] string TenderTitle,
    [property: Name("buyer_id")] string BuyerId,
    [property: Name("buyer_name")] string BuyerName,
    [property: Name("row_type")] string RowType,
    [property: Name("id")] string Id,
    [property: Name("award_id")] string AwardId,
    [property: Name("date")] string Date,
    [property: Name("status")] string Status,
    [property: Name("amount_hkd")] string AmountHkd,
    [property: Name("supplier_id")] string SupplierId,
    [property: Name("supplier_name")] string SupplierName,
    [property: Name("grant_hkd")] string GrantHkd,
    [property: Name("funder_id")] string FunderId)
{
    /// <summary>The rows of one compiled release, in the order award, contract, milestones, payments.</summary>
    public static IEnumerable<ContractingRow> From(JsonObject compiled)
    {
        var ocid = Text(compiled["ocid"]);
        var title = Text(compiled["tender"]?["title"]);
        var buyerId = Text(compiled["buyer"]?["id"]);
        var buyerName = Text(compiled["buyer"]?["name"]);
        ContractingRow Row(string type, string id, string awardId, JsonNode? date, JsonNode? status, JsonNode? value) =>
            new(ocid, title, buyerId, buyerName, type, id, awardId, Text(date), Text(status), Amount(value), "", "", "", "");
        var suppliers = new Dictionary<string, JsonObject?>();
        foreach (var award in (compiled["awards"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var supplier = (award["suppliers"] as JsonArray)?.FirstOrDefault() as JsonObject;
            suppliers[Text(award["id"])] = supplier;
            yield return Row("award", Text(award["id"]), Text(award["id"]), award["date"], award["status"], award["value"]) with
            {
                SupplierId = Text(supplier?["id"]),
                SupplierName = Text(supplier?["name"]),
            };
        }
        foreach (var contract in (compiled["contracts"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var awardId = Text(contract["awardID"]);
            var supplier = suppliers.GetValueOrDefault(awardId);
            yield return Row("contract", Text(contract["id"]), awardId, contract["dateSigned"], contract["status"], contract["value"]) with
            {
                SupplierId = Text(supplier?["id"]),
                SupplierName = Text(supplier?["name"]),
                GrantHkd = Amount(contract["x_fundingGrant"]?["value"]),
                FunderId = Text(contract["x_fundingGrant"]?["funder"]?["id"]),
            };
            var implementation = contract["implementation"];
            foreach (var milestone in (implementation?["milestones"] as JsonArray ?? []).OfType<JsonObject>())
            {
                yield return Row("milestone", Text(milestone["id"]), awardId, milestone["dateMet"], milestone["status"], milestone["value"]);
            }
            foreach (var payment in (implementation?["transactions"] as JsonArray ?? []).OfType<JsonObject>())
            {
                yield return Row("payment", Text(payment["id"]), awardId, payment["date"], null, payment["value"]) with
                {
                    SupplierId = Text(payment["payee"]?["id"]),
                    SupplierName = Text(payment["payee"]?["name"]),
                    FunderId = Text(payment["payer"]?["id"]),
                };
            }
        }
    }

    private static string Text(JsonNode? node) => node is JsonValue v ? v.ToString() : "";

    private static string Amount(JsonNode? value) =>
        value?["amount"] is JsonValue amount ? amount.GetValue<decimal>().ToString("0.##", CultureInfo.InvariantCulture) : "";
}
