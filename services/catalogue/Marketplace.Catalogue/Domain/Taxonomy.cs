using Marketplace.ServiceDefaults.Localization;

namespace Marketplace.Catalogue.Domain;

/// <summary>
/// The codes scenarios are classified by, with their English and Chinese labels. Codes are stable
/// identifiers used in the API, events and filters.
/// </summary>
public static class Taxonomy
{
    public static readonly IReadOnlyDictionary<SmartCityArea, LocalizedText> Areas = new Dictionary<SmartCityArea, LocalizedText>
    {
        [SmartCityArea.Mobility] = new("Smart Mobility", "智慧出行"),
        [SmartCityArea.Living] = new("Smart Living", "智慧生活"),
        [SmartCityArea.Environment] = new("Smart Environment", "智慧環境"),
        [SmartCityArea.People] = new("Smart People", "智慧市民"),
        [SmartCityArea.Government] = new("Smart Government", "智慧政府"),
        [SmartCityArea.Economy] = new("Smart Economy", "智慧經濟"),
    };

    public static readonly IReadOnlyDictionary<string, LocalizedText> Sectors = new Dictionary<string, LocalizedText>(StringComparer.Ordinal)
    {
        ["public-services"] = new("Public services", "公共服務"),
        ["healthcare"] = new("Healthcare", "醫療健康"),
        ["manufacturing"] = new("Manufacturing", "製造業"),
        ["transport"] = new("Transport", "交通運輸"),
        ["finance"] = new("Finance", "金融"),
        ["education"] = new("Education", "教育"),
        ["urban-governance"] = new("Urban governance", "城市管理"),
        ["low-altitude-economy"] = new("Low-altitude economy", "低空經濟"),
        ["environment"] = new("Environment", "環境"),
        ["social-welfare"] = new("Social welfare", "社會福利"),
        ["housing"] = new("Housing", "房屋"),
        ["tourism"] = new("Tourism", "旅遊"),
        ["logistics"] = new("Logistics", "物流"),
        ["legal"] = new("Legal services", "法律服務"),
        ["construction"] = new("Construction", "建造業"),
    };

    public static readonly IReadOnlyDictionary<string, LocalizedText> Capabilities = new Dictionary<string, LocalizedText>(StringComparer.Ordinal)
    {
        ["computer-vision"] = new("Computer vision", "電腦視覺"),
        ["nlp"] = new("Natural language processing", "自然語言處理"),
        ["speech"] = new("Speech recognition and synthesis", "語音識別及合成"),
        ["llm-generative"] = new("Large language models / generative AI", "大型語言模型／生成式人工智能"),
        ["forecasting"] = new("Forecasting", "預測分析"),
        ["optimisation"] = new("Optimisation", "優化"),
        ["robotics"] = new("Robotics", "機械人"),
        ["edge-ai"] = new("Edge AI", "邊緣人工智能"),
        ["knowledge-graph"] = new("Knowledge graphs", "知識圖譜"),
        ["anomaly-detection"] = new("Anomaly detection", "異常偵測"),
        ["recommendation"] = new("Recommendation", "推薦系統"),
        ["document-ai"] = new("Document AI / OCR", "文件智能／光學字元識別"),
        ["geospatial"] = new("Geospatial analytics", "地理空間分析"),
        ["digital-twin"] = new("Digital twins", "數碼孿生"),
    };

    public static readonly IReadOnlyDictionary<string, LocalizedText> FundingSchemes = new Dictionary<string, LocalizedText>(StringComparer.Ordinal)
    {
        ["PSTS"] = new("Public Sector Trial Scheme", "公營機構試用計劃"),
        ["TVP"] = new("Technology Voucher Programme", "科技券計劃"),
        ["AISS"] = new("AI Subsidy Scheme", "人工智能資助計劃"),
        ["NITTP"] = new("New Industrialisation and Technology Training Programme", "新型工業化及科技培訓計劃"),
    };
}
