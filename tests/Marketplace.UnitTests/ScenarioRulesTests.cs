using System.Globalization;
using Marketplace.Catalogue.Domain;
using Marketplace.ServiceDefaults.Errors;

namespace Marketplace.UnitTests;

public sealed class ScenarioRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 2, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan MinimumPeriod = ScenarioRules.DefaultMinimumProposalPeriod;

    internal static ScenarioDetails Valid() => new(
        "Chest X-ray pre-reading", "胸部X光預讀", "Radiologists face backlogs.", "放射科醫生積壓工作。",
        "Report within 24 hours.", "二十四小時內完成報告。", SmartCityArea.Living, "healthcare",
        ["computer-vision"], 1_000_000m, 3_000_000m, DataResidency.HongKongOnly, 12, ["PSTS"]);

    [Fact]
    public void A_new_scenario_is_a_draft_of_its_department()
    {
        var department = Guid.NewGuid();
        var scenario = Scenario.CreateDraft(department, Valid(), Now);

        Assert.Equal(ScenarioStatus.Draft, scenario.Status);
        Assert.Equal(department, scenario.DepartmentId);
        Assert.Null(scenario.PublishedAt);
        Assert.Equal(1, scenario.Version);
    }

    [Fact]
    public void Publishing_a_draft_sets_the_deadline_and_returns_the_event()
    {
        var scenario = Scenario.CreateDraft(Guid.NewGuid(), Valid(), Now);

        var published = scenario.Publish(Now.AddDays(30), Now, MinimumPeriod);

        Assert.Equal(ScenarioStatus.Published, scenario.Status);
        Assert.Equal(Now.AddDays(30), scenario.ProposalDeadline);
        Assert.Equal(scenario.Id, published.ScenarioId);
        Assert.Equal("Living", published.Area);
        Assert.Equal(["computer-vision"], published.Capabilities);
        Assert.Equal(Now, published.PublishedAt);
    }

    [Fact]
    public void A_deadline_inside_the_minimum_proposal_period_is_refused()
    {
        var scenario = Scenario.CreateDraft(Guid.NewGuid(), Valid(), Now);

        var refused = Assert.Throws<DomainRuleException>(() => scenario.Publish(Now.AddDays(14).AddSeconds(-1), Now, MinimumPeriod));

        Assert.Equal("deadline-out-of-range", refused.Code);
        Assert.Equal(ScenarioStatus.Draft, scenario.Status);
        Assert.Null(ScenarioRules.CheckDeadline(Now.AddDays(14), Now, MinimumPeriod));
        Assert.NotNull(ScenarioRules.CheckDeadline(Now.AddYears(1).AddDays(1), Now, MinimumPeriod));
    }

    [Fact]
    public void Only_drafts_can_be_edited_or_published()
    {
        var scenario = Scenario.CreateDraft(Guid.NewGuid(), Valid(), Now);
        scenario.Publish(Now.AddDays(20), Now, MinimumPeriod);

        Assert.Equal("scenario-not-draft", Assert.Throws<DomainRuleException>(() => scenario.Edit(Valid(), Now)).Code);
        Assert.Equal("scenario-not-draft", Assert.Throws<DomainRuleException>(() => scenario.Publish(Now.AddDays(20), Now, MinimumPeriod)).Code);
    }

    [Fact]
    public void Only_published_scenarios_can_be_closed_and_only_once()
    {
        var scenario = Scenario.CreateDraft(Guid.NewGuid(), Valid(), Now);
        Assert.Equal("scenario-not-published", Assert.Throws<DomainRuleException>(() => scenario.Close("why", Now)).Code);

        scenario.Publish(Now.AddDays(20), Now, MinimumPeriod);
        var closed = scenario.Close("Requirement withdrawn", Now.AddDays(1));

        Assert.Equal(ScenarioStatus.Closed, scenario.Status);
        Assert.Equal("Requirement withdrawn", closed.Reason);
        Assert.Throws<DomainRuleException>(() => scenario.Close("again", Now.AddDays(2)));
        Assert.Throws<DomainRuleException>(() => scenario.Edit(Valid(), Now));
    }

    [Fact]
    public void Editing_a_draft_replaces_its_content_and_bumps_the_version()
    {
        var scenario = Scenario.CreateDraft(Guid.NewGuid(), Valid(), Now);

        scenario.Edit(Valid() with { TitleEn = "  Bed-flow prediction  ", Capabilities = ["forecasting", "optimisation"] }, Now.AddHours(1));

        Assert.Equal("Bed-flow prediction", scenario.TitleEn);
        Assert.Equal(["forecasting", "optimisation"], scenario.Capabilities);
        Assert.Equal(2, scenario.Version);
        Assert.Equal(Now.AddHours(1), scenario.UpdatedAt);
    }

    [Fact]
    public void An_entity_refuses_invalid_details_even_if_a_handler_forgot_to_validate()
    {
        Assert.Throws<ArgumentException>(() => Scenario.CreateDraft(Guid.NewGuid(), Valid() with { TitleEn = "" }, Now));
    }

    [Fact]
    public void Rule_messages_exist_in_English_and_Traditional_Chinese()
    {
        var text = ScenarioRules.CheckDeadline(Now.AddDays(1), Now, MinimumPeriod)!;

        Assert.Contains("at least 14 days", text.ForCulture(CultureInfo.GetCultureInfo("en")));
        Assert.Contains("最少 14 日", text.ForCulture(CultureInfo.GetCultureInfo("zh-HK")));
    }
}
