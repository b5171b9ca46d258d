using Marketplace.Web.Resources;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Api;

/// <summary>The matching service's HTTP API (proposals, evaluations, awards, recommendations, saved searches, notifications). Partial: each area of pages keeps its calls in its own file (<c>MatchingClient.&lt;Area&gt;.cs</c>).</summary>
public sealed partial class MatchingClient(HttpClient http, IStringLocalizer<Ui> text, ILogger<MatchingClient> logger) : ServiceClient(http, text, logger)
{
    public const string Service = "matching";
}
