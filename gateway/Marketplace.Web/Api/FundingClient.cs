using Marketplace.Web.Resources;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Api;

/// <summary>The funding service's HTTP API (schemes, applications, assessments, decisions, milestones). Partial: each area of pages keeps its calls in its own file (<c>FundingClient.&lt;Area&gt;.cs</c>).</summary>
public sealed partial class FundingClient(HttpClient http, IStringLocalizer<Ui> text, ILogger<FundingClient> logger) : ServiceClient(http, text, logger)
{
    public const string Service = "funding";
}
