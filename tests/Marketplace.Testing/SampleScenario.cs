namespace Marketplace.Testing;

/// <summary>A valid scenario as a department officer's form sends it: the Transport Department's bus arrival prediction.</summary>
public static class SampleScenario
{
    public static object Body(string titleEn = "Franchised bus arrival prediction", string titleZh = "專營巴士到站時間預測") => new
    {
        titleEn,
        titleZh,
        problemEn = "Arrival estimates drift during incidents.",
        problemZh = "交通事故期間到站預測偏差很大。",
        expectedOutcomesEn = "Estimates within two minutes for 90% of arrivals.",
        expectedOutcomesZh = "九成班次的預測誤差不多於兩分鐘。",
        area = "Mobility",
        sector = "transport",
        capabilities = new[] { "forecasting" },
        budgetMinHkd = 800_000,
        budgetMaxHkd = 2_500_000,
        dataResidency = "HongKongOnly",
        pilotDurationMonths = 12,
        targetSchemes = new[] { "PSTS" },
        kpis = new[] { new { nameEn = "Prediction error", nameZh = "預測誤差", target = "≤ 2 minutes for 90% of arrivals" } },
        dataDescriptionEn = "GPS positions of franchised buses every 10 seconds for two years.",
        dataDescriptionZh = "兩年內專營巴士每十秒的全球定位系統位置。",
        dataFormat = "CSV, GTFS",
        aiRiskTier = "Low",
        contactName = "Ms Wong, Senior Engineer",
        contactEmail = "ai-scenarios@td.gov.hk",
    };
}
