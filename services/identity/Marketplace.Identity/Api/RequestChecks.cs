using Marketplace.Contracts.Identity;
using Marketplace.Identity.Domain;
using Marketplace.ServiceDefaults.Localization;
using Marketplace.ServiceDefaults.Validation;
using Microsoft.AspNetCore.Identity;

namespace Marketplace.Identity.Api;

/// <summary>Field rules shared by the identity endpoints.</summary>
internal static class RequestChecks
{
    public static readonly string[] Locales = [Cultures.English, Cultures.TraditionalChineseHongKong];

    public static ValidationErrors Locale(this ValidationErrors errors, string field, string? value) =>
        value is null || Locales.Contains(value) ? errors : errors.Add(field, IdentityTexts.Locale.Format(field));

    public static T? ParseEnum<T>(this ValidationErrors errors, string field, string? value, bool required)
        where T : struct, Enum => errors.Enum<T>(field, value, required);

    /// <summary>The organisation's details, or the field errors that stop them.</summary>
    public static OrganisationDetails? ToDetails(this OrganisationRequest request, ValidationErrors errors, OrganisationType? fixedType = null)
    {
        var type = fixedType ?? errors.ParseEnum<OrganisationType>("type", request.Type, required: true);
        var size = errors.ParseEnum<SizeClass>("sizeClass", request.SizeClass, required: false);
        if (type is not { } t)
        {
            return null;
        }
        var details = new OrganisationDetails(t, request.NameEn ?? "", request.NameZh ?? "",
            string.IsNullOrWhiteSpace(request.BusinessRegistrationNumber) ? null : request.BusinessRegistrationNumber.Trim(), size);
        details.Check(errors);
        return errors.IsValid ? details : null;
    }

    /// <summary>ASP.NET Core Identity's password and email rules, named by field and in both languages.</summary>
    public static ValidationErrors AddIdentityErrors(this ValidationErrors errors, IEnumerable<IdentityError> identityErrors, string passwordField = "password", string emailField = "email")
    {
        foreach (var error in identityErrors)
        {
            var (field, text) = Describe(error, passwordField, emailField);
            errors.Add(field, text);
        }
        return errors;
    }

    private static (string Field, LocalizedText Text) Describe(IdentityError error, string passwordField, string emailField) => error.Code switch
    {
        nameof(IdentityErrorDescriber.PasswordTooShort) => (passwordField, new LocalizedText(
            $"'{passwordField}' must have at least {IdentityModule.PasswordLength} characters.", $"「{passwordField}」最少要有 {IdentityModule.PasswordLength} 個字元。")),
        nameof(IdentityErrorDescriber.PasswordRequiresDigit) => (passwordField, new LocalizedText(
            $"'{passwordField}' must contain a digit (0-9).", $"「{passwordField}」必須包含數字（0-9）。")),
        nameof(IdentityErrorDescriber.PasswordRequiresLower) => (passwordField, new LocalizedText(
            $"'{passwordField}' must contain a lowercase letter (a-z).", $"「{passwordField}」必須包含小寫字母（a-z）。")),
        nameof(IdentityErrorDescriber.PasswordRequiresUpper) => (passwordField, new LocalizedText(
            $"'{passwordField}' must contain an uppercase letter (A-Z).", $"「{passwordField}」必須包含大寫字母（A-Z）。")),
        nameof(IdentityErrorDescriber.PasswordMismatch) => (passwordField, new LocalizedText(
            $"'{passwordField}' is not the current password.", $"「{passwordField}」不是目前的密碼。")),
        nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName) => (emailField, IdentityTexts.EmailTaken),
        nameof(IdentityErrorDescriber.InvalidEmail) or nameof(IdentityErrorDescriber.InvalidUserName) => (emailField, Messages.EmailFormat.Format(emailField)),
        _ => (passwordField, new LocalizedText(error.Description, error.Description)),
    };
}
