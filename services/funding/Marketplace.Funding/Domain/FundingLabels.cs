using Marketplace.Contracts.Identity;
using Marketplace.ServiceDefaults.Localization;

namespace Marketplace.Funding.Domain;

/// <summary>
/// The English and Chinese names of the codes the eligibility engine explains (company sizes, sectors,
/// cost types, application statuses), in one place, so no Chinese sentence carries an English enum name.
/// English keeps the codes as the API names them; sector codes are the catalogue's, and one the list does
/// not know is shown as its code in both languages.
/// </summary>
public static class FundingLabels
{
    private static readonly Dictionary<SizeClass, LocalizedText> s_sizes = new()
    {
        [SizeClass.Startup] = new("Startup", "初創企業"),
        [SizeClass.SME] = new("SME", "中小企"),
        [SizeClass.Large] = new("Large", "大型企業"),
    };

    private static readonly Dictionary<CostType, LocalizedText> s_costs = new()
    {
        [CostType.Manpower] = new("Manpower", "人手"),
        [CostType.Equipment] = new("Equipment", "設備"),
        [CostType.Computing] = new("Computing", "運算"),
        [CostType.Software] = new("Software", "軟件"),
        [CostType.Consultancy] = new("Consultancy", "顧問服務"),
        [CostType.Training] = new("Training", "培訓"),
        [CostType.Other] = new("Other", "其他"),
    };

    private static readonly Dictionary<ApplicationStatus, LocalizedText> s_statuses = new()
    {
        [ApplicationStatus.Draft] = new("Draft", "草稿"),
        [ApplicationStatus.Submitted] = new("Submitted", "已提交"),
        [ApplicationStatus.Funded] = new("Funded", "獲資助"),
        [ApplicationStatus.Unfunded] = new("Unfunded", "不獲資助"),
        [ApplicationStatus.OnHold] = new("OnHold", "暫緩"),
        [ApplicationStatus.Completed] = new("Completed", "已完成"),
        [ApplicationStatus.Withdrawn] = new("Withdrawn", "已撤回"),
    };

    private static readonly Dictionary<string, LocalizedText> s_sectors = new(StringComparer.Ordinal)
    {
        ["public-services"] = new("public-services", "公共服務"),
        ["healthcare"] = new("healthcare", "醫療健康"),
        ["manufacturing"] = new("manufacturing", "製造業"),
        ["transport"] = new("transport", "交通運輸"),
        ["finance"] = new("finance", "金融"),
        ["education"] = new("education", "教育"),
        ["urban-governance"] = new("urban-governance", "城市管理"),
        ["low-altitude-economy"] = new("low-altitude-economy", "低空經濟"),
        ["environment"] = new("environment", "環境"),
        ["social-welfare"] = new("social-welfare", "社會福利"),
        ["housing"] = new("housing", "房屋"),
        ["tourism"] = new("tourism", "旅遊"),
        ["logistics"] = new("logistics", "物流"),
        ["legal"] = new("legal", "法律服務"),
        ["construction"] = new("construction", "建造業"),
    };

    public static LocalizedText Of(SizeClass size) => s_sizes[size];

    public static LocalizedText Of(CostType cost) => s_costs[cost];

    public static LocalizedText Of(ApplicationStatus status) => s_statuses[status];

    public static LocalizedText Sector(string code) => s_sectors.TryGetValue(code, out var label) ? label : new(code, code);

    /// <summary>A list in each language: "SME, Large" and "中小企、大型企業".</summary>
    public static LocalizedText List(IEnumerable<LocalizedText> labels)
    {
        var all = labels.ToList();
        return new(string.Join(", ", all.Select(l => l.En)), string.Join("、", all.Select(l => l.Zh)));
    }
}
