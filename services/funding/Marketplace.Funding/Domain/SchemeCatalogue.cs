using Marketplace.Contracts.Identity;

namespace Marketplace.Funding.Domain;

/// <summary>
/// The Hong Kong schemes the marketplace starts with, from their public parameters: the Technology
/// Voucher Programme (3 : 1, HK$600,000 cumulative, up to 6 projects, one at a time), the AI Subsidy
/// Scheme (70 % of computing cost) and the Public Sector Trial Scheme (up to 50 % of project cost).
/// Each stays editable by its funding body's officers.
/// </summary>
public static class SchemeCatalogue
{
    private static readonly CostType[] s_allCosts = Enum.GetValues<CostType>();

    private static readonly AssessmentCriterion[] s_criteria =
    [
        new("innovation", "Innovation and technical merit", "創新及技術水平", 10, 5),
        new("capability", "Team capability and track record", "團隊能力及往績", 10, 5),
        new("impact", "Benefit to Hong Kong and public impact", "對香港的裨益及公眾影響", 10, 5),
        new("value", "Budget and value for money", "預算及物有所值", 10, 5),
    ];

    public static readonly SchemeRules TechnologyVoucher = new(
        GrantBasis.MatchingRatio, 3, 1, 0m, PerProjectCapHkd: null, CumulativeCapHkd: 600_000m, MaxProjects: 6, MaxConcurrentProjects: 1,
        RequireHongKongRegistered: true, SizeClasses: [], Sectors: [], NoDoubleFunding: true, EligibleCostTypes: s_allCosts);

    public static readonly SchemeRules AiSubsidy = new(
        GrantBasis.PercentageOfEligibleCost, 0, 0, 70m, PerProjectCapHkd: null, CumulativeCapHkd: null, MaxProjects: null, MaxConcurrentProjects: null,
        RequireHongKongRegistered: true, SizeClasses: [], Sectors: [], NoDoubleFunding: true, EligibleCostTypes: [CostType.Computing]);

    public static readonly SchemeRules PublicSectorTrial = new(
        GrantBasis.PercentageOfEligibleCost, 0, 0, 50m, PerProjectCapHkd: null, CumulativeCapHkd: null, MaxProjects: null, MaxConcurrentProjects: null,
        RequireHongKongRegistered: true, SizeClasses: [SizeClass.Startup, SizeClass.SME, SizeClass.Large], Sectors: [], NoDoubleFunding: true,
        EligibleCostTypes: s_allCosts);

    /// <summary>The three schemes, open from <paramref name="opensAt"/> for three years.</summary>
    public static IReadOnlyList<SchemeContent> HongKong(DateTimeOffset opensAt) =>
    [
        new("TVP", "Technology Voucher Programme", "科技券計劃",
            "Government : company funding at 3 : 1 for technology projects that raise productivity; HK$600,000 cumulative per company, up to 6 projects, one at a time.",
            "以政府與公司 3:1 的配對形式資助提升生產力的科技項目；每間公司累計上限港幣 600,000 元，最多 6 個項目，每次一個。",
            TechnologyVoucher, s_criteria, 2, opensAt, opensAt.AddYears(3)),
        new("AISS", "AI Subsidy Scheme", "人工智能資助計劃",
            "Subsidises 70 % of the list price of computing power used for artificial-intelligence research and development.",
            "資助用於人工智能研發的算力，資助額為牌價的 70%。",
            AiSubsidy, s_criteria, 2, opensAt, opensAt.AddYears(3)),
        new("PSTS", "Public Sector Trial Scheme", "公營機構試用計劃",
            "Funds up to 50 % of the original project cost for trials of new technology in public bodies, for up to 24 months.",
            "資助公營機構試用新科技，資助額最高為原項目成本的 50%，為期最長 24 個月。",
            PublicSectorTrial, s_criteria, 2, opensAt, opensAt.AddYears(3)),
    ];
}
