using Marketplace.Web.Resources;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Api;

/// <summary>The talent service's HTTP API (skills, profiles, staffing, training, skill-gap statistics). Partial: each area of pages keeps its calls in its own file.</summary>
public sealed partial class TalentClient(HttpClient http, IStringLocalizer<Ui> text, ILogger<TalentClient> logger) : ServiceClient(http, text, logger)
{
    public const string Service = "talent";
}
