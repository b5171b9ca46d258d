using System.Globalization;
using System.Text.Json.Nodes;
using Marketplace.Contracts.Catalogue;
using Marketplace.Contracts.Funding;
using Marketplace.Contracts.Matching;
using Marketplace.OpenData.Domain;

namespace Marketplace.OpenData.Ocds;

/// <summary>
/// Turns each public event into an OCDS 1.1.5 release holding only the sections that changed; a record's compiled
/// release merges them in date order (<see cref="RecordCompiler"/>), so events arriving out of order still compile
/// to the right record. Nothing sealed is ever read here: the events carry no proposal content, no losing price
/// and no asker.
/// </summary>
public static class ReleaseBuilder
{
    public const string Tender = "tender";
    public const string TenderAmendment = "tenderAmendment";
    public const string TenderUpdate = "tenderUpdate";
    public const string TenderCancellation = "tenderCancellation";
    public const string Award = "award";
    public const string AwardCancellation = "awardCancellation";
    public const string Contract = "contract";
    public const string Implementation = "implementation";
    public const string ImplementationUpdate = "implementationUpdate";

    public static string ContractId(Guid projectId) => "contract-" + projectId;

    public static ReleaseDraft Published(ScenarioPublished m, Organisation? department) => new(
        "tender", m.PublishedAt, [Tender], new JsonObject
        {
            ["parties"] = new JsonArray(OcdsParties.Party(m.DepartmentId, department, "buyer", "procuringEntity")),
            ["buyer"] = OcdsParties.Reference(m.DepartmentId, department),
            ["tender"] = new JsonObject
            {
                ["id"] = m.ScenarioId.ToString(),
                ["title"] = m.TitleEn,
                ["title_zh-Hant"] = m.TitleZh,
                ["description"] = m.ProblemEn,
                ["description_zh-Hant"] = m.ProblemZh,
                ["status"] = "active",
                ["procuringEntity"] = OcdsParties.Reference(m.DepartmentId, department),
                ["procurementMethod"] = "open",
                ["mainProcurementCategory"] = "services",
                ["minValue"] = OcdsParties.Value(m.BudgetMinHkd),
                ["value"] = OcdsParties.Value(m.BudgetMaxHkd),
                ["tenderPeriod"] = new JsonObject { ["startDate"] = m.PublishedAt, ["endDate"] = m.ProposalDeadline },
                ["items"] = Items(m.Area, m.Sector, m.Capabilities),
            },
        });

    public static ReleaseDraft Amended(ScenarioAmended m) => new(
        "amendment-" + m.Number.ToString(CultureInfo.InvariantCulture), m.AmendedAt, [TenderAmendment], new JsonObject
        {
            ["tender"] = new JsonObject
            {
                ["id"] = m.ScenarioId.ToString(),
                ["title"] = m.TitleEn,
                ["title_zh-Hant"] = m.TitleZh,
                ["minValue"] = OcdsParties.Value(m.BudgetMinHkd),
                ["value"] = OcdsParties.Value(m.BudgetMaxHkd),
                ["tenderPeriod"] = new JsonObject { ["endDate"] = m.ProposalDeadline },
                ["amendments"] = new JsonArray(new JsonObject
                {
                    ["id"] = m.Number.ToString(CultureInfo.InvariantCulture),
                    ["date"] = m.AmendedAt,
                    ["description"] = m.SummaryEn,
                    ["description_zh-Hant"] = m.SummaryZh,
                    ["rationale"] = "Changed: " + string.Join(", ", m.ChangedFields),
                }),
            },
        });

    /// <summary>The enquiries extension: the question and its answer, never who asked.</summary>
    public static ReleaseDraft Answered(ClarificationAnswered m) => new(
        "enquiry-" + m.ClarificationId, m.AnsweredAt, [TenderUpdate], new JsonObject
        {
            ["tender"] = new JsonObject
            {
                ["id"] = m.ScenarioId.ToString(),
                ["hasEnquiries"] = true,
                ["enquiries"] = new JsonArray(new JsonObject
                {
                    ["id"] = m.ClarificationId.ToString(),
                    ["description"] = m.Question,
                    ["answer"] = m.AnswerEn,
                    ["answer_zh-Hant"] = m.AnswerZh,
                    ["dateAnswered"] = m.AnsweredAt,
                }),
            },
        });

    public static ReleaseDraft Closed(ScenarioClosed m) => m.Kind switch
    {
        ScenarioClosureKind.DeadlinePassed => new("deadline", m.ClosedAt, [TenderUpdate], new JsonObject
        {
            ["tender"] = new JsonObject { ["id"] = m.ScenarioId.ToString(), ["tenderPeriod"] = new JsonObject { ["endDate"] = m.ClosedAt } },
        }),
        ScenarioClosureKind.Cancelled => new("cancellation", m.ClosedAt, [TenderCancellation], new JsonObject
        {
            ["tender"] = new JsonObject { ["id"] = m.ScenarioId.ToString(), ["status"] = "cancelled", ["statusDetails"] = m.Reason },
        }),
        _ => throw new ArgumentOutOfRangeException(nameof(m), m.Kind, "A closure kind open data does not know."),
    };

    /// <summary>The bids extension's statistics, published when the proposals are opened: counts only.</summary>
    public static ReleaseDraft Opened(ProposalsOpened m)
    {
        var statistics = new JsonArray(
            Statistic("bids", m.ProposalCount, m.OpenedAt),
            Statistic("validBids", m.VerifiedCount, m.OpenedAt));
        if (m.StartupBidders is { } startups && m.SmeBidders is { } smes)
        {
            // Startups are small enterprises too: smeBids counts both; the startup share is the marketplace's own measure.
            statistics.Add(Statistic("smeBids", startups + smes, m.OpenedAt));
            statistics.Add(Statistic("x_startupBids", startups, m.OpenedAt));
        }
        return new("opening", m.OpenedAt, [TenderUpdate], new JsonObject
        {
            ["tender"] = new JsonObject { ["id"] = m.ScenarioId.ToString(), ["numberOfTenderers"] = m.ProposalCount },
            ["bids"] = new JsonObject { ["statistics"] = statistics },
        });
    }

    public static ReleaseDraft Awarded(ProjectAwarded m, Organisation? vendor, Organisation? department) => new(
        "award-" + m.ProjectId, m.AwardedAt, [Award], new JsonObject
        {
            ["parties"] = new JsonArray(
                OcdsParties.Party(m.VendorOrganisationId, vendor, "supplier", "tenderer"),
                OcdsParties.Party(m.DepartmentId, department, "buyer", "procuringEntity")),
            ["tender"] = new JsonObject { ["id"] = m.ScenarioId.ToString(), ["status"] = "complete" },
            ["awards"] = new JsonArray(new JsonObject
            {
                ["id"] = m.ProjectId.ToString(),
                ["status"] = "active",
                ["date"] = m.AwardedAt,
                ["value"] = OcdsParties.Value(m.PriceHkd),
                ["suppliers"] = new JsonArray(OcdsParties.Reference(m.VendorOrganisationId, vendor)),
                ["contractPeriod"] = new JsonObject { ["durationInDays"] = m.DurationMonths * 30 },
            }),
        });

    public static ReleaseDraft AwardWithdrawn(AwardCancelled m) => new(
        "award-cancellation-" + m.ProjectId, m.CancelledAt, [AwardCancellation], new JsonObject
        {
            ["awards"] = new JsonArray(new JsonObject { ["id"] = m.ProjectId.ToString(), ["status"] = "cancelled", ["statusDetails"] = m.Reason }),
        });

    /// <summary>A funded award becomes the project's contract, with its funder and the grant (the marketplace's own field).</summary>
    public static ReleaseDraft Funded(FundingDecided m, Guid projectId, decimal? priceHkd, Organisation? funder)
    {
        var body = new JsonObject
        {
            ["contracts"] = new JsonArray(new JsonObject
            {
                ["id"] = ContractId(projectId),
                ["awardID"] = projectId.ToString(),
                ["status"] = "active",
                ["dateSigned"] = m.DecidedAt,
                ["value"] = priceHkd is { } price ? OcdsParties.Value(price) : null,
                ["x_fundingGrant"] = new JsonObject
                {
                    ["scheme"] = m.SchemeCode,
                    ["value"] = OcdsParties.Value(m.AmountHkd),
                    ["funder"] = m.FundingBodyId is { } id ? OcdsParties.Reference(id, funder) : null,
                },
            }),
        };
        if (m.FundingBodyId is { } funderId)
        {
            // An empty parties array would replace the parties compiled so far: only name the funder when known.
            body["parties"] = new JsonArray(OcdsParties.Party(funderId, funder, "funder"));
        }
        return new("contract-" + m.ApplicationId, m.DecidedAt, [Contract], body);
    }

    public static ReleaseDraft MilestoneMet(MilestoneAccepted m, Guid projectId) => new(
        "milestone-" + m.MilestoneId, m.AcceptedAt, [Implementation], Implementing(projectId, "milestones", new JsonObject
        {
            ["id"] = m.MilestoneId.ToString(),
            ["title"] = string.Create(CultureInfo.InvariantCulture, $"Milestone {m.Number} of {m.Of}"),
            ["type"] = "delivery",
            ["status"] = "met",
            ["dateMet"] = m.AcceptedAt,
            ["value"] = OcdsParties.Value(m.AmountHkd),
        }));

    public static ReleaseDraft Paid(DisbursementReleased m, Guid projectId, Guid? funderId, Organisation? funder, Organisation? vendor) => new(
        "transaction-" + m.MilestoneId, m.ReleasedAt, [Implementation], Implementing(projectId, "transactions", new JsonObject
        {
            ["id"] = m.MilestoneId.ToString(),
            ["date"] = m.ReleasedAt,
            ["value"] = OcdsParties.Value(m.AmountHkd),
            ["payer"] = funderId is { } id ? OcdsParties.Reference(id, funder) : null,
            ["payee"] = OcdsParties.Reference(m.VendorOrganisationId, vendor),
        }));

    /// <summary>The project's completion closes its contract (OCDS calls a contract that ran its course "terminated").</summary>
    public static ReleaseDraft Completed(ProjectCompleted m) => new(
        "completion-" + m.ProjectId, m.CompletedAt, [ImplementationUpdate], new JsonObject
        {
            ["contracts"] = new JsonArray(new JsonObject
            {
                ["id"] = ContractId(m.ProjectId),
                ["awardID"] = m.ProjectId.ToString(),
                ["status"] = "terminated",
                ["period"] = new JsonObject { ["endDate"] = m.CompletedAt },
                ["description"] = m.OutcomeSummaryEn,
                ["description_zh-Hant"] = m.OutcomeSummaryZh,
            }),
        });

    private static JsonObject Implementing(Guid projectId, string list, JsonObject entry) => new()
    {
        ["contracts"] = new JsonArray(new JsonObject
        {
            ["id"] = ContractId(projectId),
            ["awardID"] = projectId.ToString(),
            ["implementation"] = new JsonObject { [list] = new JsonArray(entry) },
        }),
    };

    private static JsonObject Statistic(string measure, int value, DateTimeOffset date) =>
        new() { ["id"] = measure, ["measure"] = measure, ["value"] = value, ["date"] = date };

    private static JsonArray Items(string area, string sector, IReadOnlyList<string> capabilities)
    {
        var items = new JsonArray();
        foreach (var capability in capabilities)
        {
            items.Add(new JsonObject
            {
                ["id"] = capability,
                ["description"] = capability,
                ["classification"] = new JsonObject { ["scheme"] = "x_capability", ["id"] = capability },
                ["additionalClassifications"] = new JsonArray(
                    new JsonObject { ["scheme"] = "x_smartCityArea", ["id"] = area },
                    new JsonObject { ["scheme"] = "x_sector", ["id"] = sector }),
            });
        }
        return items;
    }
}
