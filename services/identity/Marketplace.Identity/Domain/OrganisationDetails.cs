using System.Text.RegularExpressions;
using Marketplace.Contracts.Identity;
using Marketplace.ServiceDefaults.Localization;
using Marketplace.ServiceDefaults.Validation;

namespace Marketplace.Identity.Domain;

/// <summary>What an organisation says about itself; validated as a whole before it reaches the entity.</summary>
public sealed partial record OrganisationDetails(
    OrganisationType Type,
    string NameEn,
    string NameZh,
    string? BusinessRegistrationNumber,
    SizeClass? SizeClass)
{
    public const int NameMax = 200;

    public static readonly LocalizedText BrnFormat = new(
        "'businessRegistrationNumber' must be the 8-digit Hong Kong business registration number (the first 8 digits of the certificate number).",
        "「businessRegistrationNumber」必須是 8 位數字的香港商業登記號碼（即登記證號碼的首 8 位）。");
    public static readonly LocalizedText VendorOnly = new(
        "'{0}' applies to vendors only.", "「{0}」只適用於供應商。");

    public ValidationErrors Check(ValidationErrors? into = null)
    {
        var errors = into ?? new ValidationErrors();
        errors.Text("nameEn", NameEn, NameMax).Text("nameZh", NameZh, NameMax);
        if (!string.IsNullOrWhiteSpace(NameZh) && !NameZh.Any(IsCjk))
        {
            errors.Add("nameZh", Messages.MustContainChinese.Format("nameZh"));
        }
        if (Type == OrganisationType.Vendor)
        {
            if (string.IsNullOrWhiteSpace(BusinessRegistrationNumber))
            {
                errors.Required("businessRegistrationNumber", null);
            }
            else if (!BrnPattern().IsMatch(BusinessRegistrationNumber))
            {
                errors.Add("businessRegistrationNumber", BrnFormat);
            }
            if (SizeClass is null)
            {
                errors.Required("sizeClass", null);
            }
        }
        else
        {
            errors.Must(BusinessRegistrationNumber is null, "businessRegistrationNumber", VendorOnly.Format("businessRegistrationNumber"))
                .Must(SizeClass is null, "sizeClass", VendorOnly.Format("sizeClass"));
        }
        return errors;
    }

    private static bool IsCjk(char c) => c is (>= '\u4E00' and <= '\u9FFF') or (>= '\u3400' and <= '\u4DBF') or (>= '\uF900' and <= '\uFAFF');

    [GeneratedRegex("^[0-9]{8}$")]
    private static partial Regex BrnPattern();
}
