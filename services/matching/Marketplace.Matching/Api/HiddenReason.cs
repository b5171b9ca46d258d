using Marketplace.Matching.Domain;

namespace Marketplace.Matching.Api;

/// <summary>Why a response leaves content out (<c>hidden: true</c>): a stable code and the reason in both languages.</summary>
public sealed record HiddenReason(string Code, string TextEn, string TextZh)
{
    public static HiddenReason From(ContentWithheld withheld) => new(withheld.Code, withheld.Reason.En, withheld.Reason.Zh);
}
