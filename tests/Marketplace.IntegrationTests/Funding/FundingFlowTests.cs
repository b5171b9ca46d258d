using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.Contracts.Identity;
using Marketplace.Contracts.Matching;
using Marketplace.IntegrationTests.Infrastructure;
using Marketplace.Testing;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.IntegrationTests.Funding;

/// <summary>
/// Funding from the award to the last accepted milestone: applications opened from events (once,
/// in any order), eligibility, assessment, the decision, milestones and payments; run once per runtime mode.
/// </summary>
public abstract class FundingFlowTests(MarketplaceEnvironment env)
{
    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    private static JsonElement Rule(JsonElement application, string rule) =>
        application.GetProperty("eligibility").GetProperty("rules").EnumerateArray().Single(r => r.GetProperty("rule").GetString() == rule);

    [Fact]
    public async Task An_award_opens_exactly_one_application_however_often_it_is_delivered()
    {
        var a = await FundingArrangement.CreateAsync(env, assessors: 0);
        var (scenario, project) = (Guid.NewGuid(), Guid.NewGuid());
        await env.PublishAsync(a.Scenario(scenario), Guid.NewGuid());
        await Eventually.Until(() => env.InFundingDbAsync(db => db.Scenarios.AnyAsync(s => s.ScenarioId == scenario)), k => k, what: "funding to learn of the scenario");
        var award = a.Award(project, scenario);
        var messageId = Guid.NewGuid();

        // The same message redelivered, and the same award published again under another message id.
        await Task.WhenAll(env.PublishAsync(award, messageId), env.PublishAsync(award, messageId), env.PublishAsync(award, Guid.NewGuid()));

        await Eventually.Until(() => env.InFundingDbAsync(db => db.InboxMessages.CountAsync(m => m.Consumer == "ProjectAwardedConsumer" && m.MessageId == messageId)),
            n => n == 1, what: "the award to be consumed");
        await Eventually.Until(() => env.InFundingDbAsync(db => db.Applications.CountAsync(x => x.ProjectId == project)), n => n == 1, what: "the application");
        await Task.Delay(500);
        Assert.Equal(1, await env.InFundingDbAsync(db => db.Applications.CountAsync(x => x.ProjectId == project)));
        var list = await JsonAsync(await a.VendorClient().GetAsync("/api/funding/applications?pageSize=100"));
        var item = list.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("projectId").GetString() == project.ToString());
        Assert.Equal("Draft", item.GetProperty("status").GetString());
        Assert.Equal("Award", item.GetProperty("origin").GetString());
        Assert.Equal(FundingArrangement.TitleMarker, item.GetProperty("titleEn").GetString());
    }

    [Fact]
    public async Task A_burst_of_awards_each_delivered_twice_opens_one_application_per_award_in_batches()
    {
        var a = await FundingArrangement.CreateAsync(env, assessors: 0);
        var scenario = Guid.NewGuid();
        await env.PublishAsync(a.Scenario(scenario), Guid.NewGuid());
        await Eventually.Until(() => env.InFundingDbAsync(db => db.Scenarios.AnyAsync(s => s.ScenarioId == scenario)), k => k, what: "funding to learn of the scenario");
        var awards = Enumerable.Range(0, 40).Select(_ => (Award: a.Award(Guid.NewGuid(), scenario), MessageId: Guid.NewGuid())).ToList();
        var projects = awards.Select(x => x.Award.ProjectId).ToList();

        // Every award twice under its message id, all at once: batches see duplicates inside and across them.
        await Task.WhenAll(awards.Concat(awards).Select(x => env.PublishAsync(x.Award, x.MessageId)));

        await Eventually.Until(() => env.InFundingDbAsync(db => db.Applications.CountAsync(x => projects.Contains(x.ProjectId!.Value))),
            n => n == awards.Count, what: "one application per award");
        await Task.Delay(500);
        var perProject = await env.InFundingDbAsync(db => db.Applications.Where(x => projects.Contains(x.ProjectId!.Value))
            .GroupBy(x => x.ProjectId).Select(g => g.Count()).ToListAsync());
        Assert.Equal(awards.Count, perProject.Count);
        Assert.All(perProject, n => Assert.Equal(1, n));
        var ids = awards.Select(x => x.MessageId).ToList();
        Assert.Equal(awards.Count, await env.InFundingDbAsync(db => db.InboxMessages.CountAsync(m => m.Consumer == "ProjectAwardedConsumer" && ids.Contains(m.MessageId))));
    }

    [Fact]
    public async Task An_award_before_its_scenario_and_its_vendors_facts_opens_its_application_once_they_arrive_and_a_cancellation_withdraws_it()
    {
        var a = await FundingArrangement.CreateAsync(env, assessors: 0);
        var (scenario, project, vendor) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());

        await env.PublishAsync(a.Award(project, scenario, vendor), Guid.NewGuid());
        await Eventually.Until(() => env.InFundingDbAsync(db => db.AwardedProjects.AnyAsync(p => p.ProjectId == project && p.VendorId == vendor)), k => k,
            what: "the award to be consumed");
        Assert.False(await env.InFundingDbAsync(db => db.Applications.AnyAsync(x => x.ProjectId == project)));

        await env.PublishAsync(a.Scenario(scenario), Guid.NewGuid());
        var id = await Eventually.Until(() => env.InFundingDbAsync(db => db.Applications.Where(x => x.ProjectId == project).Select(x => x.Id).FirstOrDefaultAsync()),
            x => x != Guid.Empty, what: "the application once the scenario is known");
        var client = env.FundingClient().As("Vendor", vendor);
        var before = await JsonAsync(await client.GetAsync($"/api/funding/applications/{id}"));
        Assert.Equal("Unknown", Rule(before, "HongKongRegistered").GetProperty("outcome").GetString());
        Assert.Contains("尚未", Rule(before, "HongKongRegistered").GetProperty("explanationZh").GetString(), StringComparison.Ordinal);

        await env.PublishAsync(new OrganisationRegistered(vendor, OrganisationType.Vendor, "Late Facts Limited", "遲到資料有限公司", "87654321", SizeClass.Startup,
            OrganisationStatus.Approved, env.Clock.GetUtcNow()), Guid.NewGuid());
        var after = await Eventually.Until(async () => await JsonAsync(await client.GetAsync($"/api/funding/applications/{id}")),
            x => Rule(x, "HongKongRegistered").GetProperty("outcome").GetString() == "Pass", what: "the vendor's facts to reach funding");
        Assert.Equal("Late Facts Limited", after.GetProperty("vendorNameEn").GetString());

        await env.PublishAsync(new AwardCancelled(project, scenario, "Complaint upheld", env.Clock.GetUtcNow()), Guid.NewGuid());
        await Eventually.Until(async () => await JsonAsync(await client.GetAsync($"/api/funding/applications/{id}")),
            x => x.GetProperty("status").GetString() == "Withdrawn", what: "the cancellation to withdraw the application");
        Assert.Equal(1, await env.InFundingDbAsync(db => db.Applications.CountAsync(x => x.ProjectId == project)));
    }

    [Fact]
    public async Task A_cancellation_consumed_before_its_award_leaves_the_late_award_without_an_application()
    {
        var a = await FundingArrangement.CreateAsync(env, assessors: 0);
        var (scenario, project) = (Guid.NewGuid(), Guid.NewGuid());
        await env.PublishAsync(a.Scenario(scenario), Guid.NewGuid());

        await env.PublishAsync(new AwardCancelled(project, scenario, "Withdrawn by the department", env.Clock.GetUtcNow()), Guid.NewGuid());
        await Eventually.Until(() => env.InFundingDbAsync(db => db.AwardedProjects.AnyAsync(p => p.ProjectId == project && p.CancelledAt != null)), k => k,
            what: "the cancellation to be consumed");
        await env.PublishAsync(a.Award(project, scenario), Guid.NewGuid());
        await Eventually.Until(() => env.InFundingDbAsync(db => db.AwardedProjects.AnyAsync(p => p.ProjectId == project && p.VendorId != null)), k => k,
            what: "the late award to be consumed");

        Assert.False(await env.InFundingDbAsync(db => db.Applications.AnyAsync(x => x.ProjectId == project)));
    }

    [Fact]
    public async Task A_funded_project_runs_from_its_award_to_the_last_accepted_milestone()
    {
        var a = await FundingArrangement.CreateAsync(env, assessors: 2);
        var (project, id) = await a.AwardedAsync();

        var submitted = await a.CompleteAndSubmitAsync(id);
        // 50 % of eligible cost HK$1,600,001 (travel is not eligible) is HK$800,000.50, capped at HK$800,000.
        Assert.Equal("Submitted", submitted.GetProperty("status").GetString());
        Assert.Equal(1_600_001m, submitted.GetProperty("eligibility").GetProperty("eligibleCostHkd").GetDecimal());
        Assert.Equal(800_000m, submitted.GetProperty("recommendedGrantHkdAtSubmission").GetDecimal());
        Assert.True(submitted.GetProperty("eligibility").GetProperty("eligible").GetBoolean());

        await (await a.OfficerClient().PostAsJsonAsync($"/api/funding/applications/{id}/assessors",
            new { assessors = new[] { a.Assessors[0].ToString() } })).ShouldBe(HttpStatusCode.BadRequest);
        await (await a.OfficerClient().PostAsJsonAsync($"/api/funding/applications/{id}/assessors",
            new { assessors = a.Assessors.Append(a.OtherOfficer).Select(x => x.ToString()) })).ShouldBe(HttpStatusCode.OK);
        await (await a.OtherOfficerClient().PostAsJsonAsync($"/api/funding/applications/{id}/assignment",
            new { accept = false, declineReason = "ConflictOfInterest", note = "Former adviser to the vendor" })).ShouldBe(HttpStatusCode.OK);
        for (var i = 0; i < 2; i++)
        {
            await (await a.AssessorClient(i).PostAsJsonAsync($"/api/funding/applications/{id}/assignment", new { accept = true })).ShouldBe(HttpStatusCode.OK);
        }
        await (await a.AssessorClient(0).PostAsJsonAsync($"/api/funding/applications/{id}/scores", new
        {
            scores = new[] { new { criterion = "innovation", score = 9 }, new { criterion = "impact", score = 7 } },
            feedback = "Novel kerbside model.", recommendation = "Fund",
        })).ShouldBe(HttpStatusCode.NoContent);
        // One assessor still to score: funding is refused naming the rule, holding is not.
        var early = await a.OfficerClient().PostAsJsonAsync($"/api/funding/applications/{id}/decision", new
        {
            outcome = "Funded", amountHkd = 800_000m, reasons = "One assessor is enough?", feedbackReleaseAt = env.Clock.GetUtcNow().AddDays(7),
        });
        await early.ShouldBe(HttpStatusCode.Conflict);
        Assert.Equal("assessment-incomplete", (await JsonAsync(early)).GetProperty("code").GetString());
        await (await a.AssessorClient(1).PostAsJsonAsync($"/api/funding/applications/{id}/scores", new
        {
            scores = new[] { new { criterion = "innovation", score = 4 }, new { criterion = "impact", score = 7 } },
            feedback = "Sound but incremental.", recommendation = "Fund",
        })).ShouldBe(HttpStatusCode.NoContent);

        var scoring = await JsonAsync(await a.OfficerClient().GetAsync($"/api/funding/applications/{id}/scoring"));
        var innovation = scoring.GetProperty("summary").GetProperty("criteria")[0];
        Assert.Equal(6.5m, innovation.GetProperty("average").GetDecimal());
        Assert.All(innovation.GetProperty("scores").EnumerateArray(), s => Assert.True(s.GetProperty("outlier").GetBoolean())); // each 2.5 from the mean
        Assert.Equal(2, scoring.GetProperty("summary").GetProperty("fund").GetInt32());

        using (var tooMuch = new HttpRequestMessage(HttpMethod.Post, $"/api/funding/applications/{id}/decision"))
        {
            tooMuch.Content = JsonContent.Create(new { outcome = "Funded", amountHkd = 800_001m, reasons = "Strong", feedbackReleaseAt = env.Clock.GetUtcNow().AddDays(7) });
            tooMuch.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue("zh-HK"));
            var refused = await a.OfficerClient().SendAsync(tooMuch);
            await refused.ShouldBe(HttpStatusCode.BadRequest);
            Assert.Contains("HK$800,000", (await JsonAsync(refused)).GetProperty("errors").GetProperty("amountHkd")[0].GetString(), StringComparison.Ordinal);
        }
        var decided = await a.OfficerClient().PostAsJsonAsync($"/api/funding/applications/{id}/decision", new
        {
            outcome = "Funded", amountHkd = 800_000m, conditions = "Quarterly reports", reasons = "Both assessors recommend funding.",
            feedbackReleaseAt = env.Clock.GetUtcNow().AddDays(7),
        });
        await decided.ShouldBe(HttpStatusCode.OK);
        var vendorView = await JsonAsync(await a.VendorClient().GetAsync($"/api/funding/applications/{id}"));
        Assert.Equal("Funded", vendorView.GetProperty("decision").GetProperty("outcome").GetString());
        Assert.Equal(JsonValueKind.Null, vendorView.GetProperty("decision").GetProperty("reasons").ValueKind);
        await (await a.VendorClient().GetAsync($"/api/funding/applications/{id}/feedback")).ShouldBe(HttpStatusCode.Conflict);
        env.Clock.Advance(TimeSpan.FromDays(8));
        var feedback = await JsonAsync(await a.VendorClient().GetAsync($"/api/funding/applications/{id}/feedback"));
        Assert.Equal(2, feedback.GetProperty("assessors").GetArrayLength());
        Assert.DoesNotContain(a.Assessors[0].ToString(), feedback.ToString(), StringComparison.OrdinalIgnoreCase);

        var now = env.Clock.GetUtcNow();
        await (await a.OfficerClient().PutAsJsonAsync($"/api/funding/applications/{id}/milestones", new
        {
            milestones = new[] { new { deliverableEn = "Pilot", deliverableZh = "試點", dueAt = now.AddMonths(3), amountHkd = 300_000m } },
        })).ShouldBe(HttpStatusCode.BadRequest);
        var planned = await JsonAsync(await a.OfficerClient().PutAsJsonAsync($"/api/funding/applications/{id}/milestones", new
        {
            milestones = new[]
            {
                new { deliverableEn = "Pilot on ten streets", deliverableZh = "十條街道試點", dueAt = now.AddMonths(3), amountHkd = 300_000m },
                new { deliverableEn = "District rollout", deliverableZh = "全區推行", dueAt = now.AddMonths(6), amountHkd = 500_000m },
            },
        }));
        var milestones = planned.GetProperty("milestones").EnumerateArray().Select(m => m.GetProperty("id").GetGuid()).ToList();

        var report = new { progressEn = "Ten streets live", progressZh = "十條街道已上線", kpis = new[] { new { nameEn = "Detection accuracy", nameZh = "偵測準確度", target = "90%", achieved = "88%" } } };
        await (await a.VendorClient().PostAsJsonAsync($"/api/funding/applications/{id}/milestones/{milestones[0]}/report", report)).ShouldBe(HttpStatusCode.OK);
        await (await a.OfficerClient().PostAsJsonAsync($"/api/funding/applications/{id}/milestones/{milestones[0]}/return", new { comment = "Add the night-time figures" }))
            .ShouldBe(HttpStatusCode.OK);
        await (await a.VendorClient().PostAsJsonAsync($"/api/funding/applications/{id}/milestones/{milestones[0]}/report", report)).ShouldBe(HttpStatusCode.OK);
        await (await a.OfficerClient().PostAsJsonAsync($"/api/funding/applications/{id}/milestones/{milestones[0]}/accept", new { })).ShouldBe(HttpStatusCode.OK);
        await (await a.VendorClient().PostAsJsonAsync($"/api/funding/applications/{id}/milestones/{milestones[1]}/report", report))
            .ShouldBe(HttpStatusCode.BadRequest); // the last report needs the outcome summary
        await (await a.VendorClient().PostAsJsonAsync($"/api/funding/applications/{id}/milestones/{milestones[1]}/report", new
        {
            progressEn = "All districts live", progressZh = "全區已上線", outcomeSummaryEn = "Misuse of loading bays fell by a third.", outcomeSummaryZh = "上落貨區濫用情況減少三分之一。",
            kpis = new[] { new { nameEn = "Detection accuracy", nameZh = "偵測準確度", target = "90%", achieved = "93%" } },
        })).ShouldBe(HttpStatusCode.OK);
        var completed = await JsonAsync(await a.OfficerClient().PostAsJsonAsync($"/api/funding/applications/{id}/milestones/{milestones[1]}/accept", new { comment = "Well done" }));

        Assert.Equal("Completed", completed.GetProperty("status").GetString());
        Assert.Equal(800_000m, completed.GetProperty("paidHkd").GetDecimal());
        var events = await env.InFundingDbAsync(db => db.OutboxMessages.Where(m => m.Body.Contains(id.ToString()) || m.Body.Contains(project.ToString()))
            .Select(m => m.MessageType).ToListAsync());
        Assert.Equal(1, events.Count(e => e == "funding.FundingDecided"));
        Assert.Equal(2, events.Count(e => e == "funding.MilestoneAccepted"));
        Assert.Equal(2, events.Count(e => e == "funding.DisbursementReleased"));
        Assert.Equal(1, events.Count(e => e == "funding.ProjectCompleted"));
        var completion = await env.InFundingDbAsync(db => db.OutboxMessages.SingleAsync(m => m.MessageType == "funding.ProjectCompleted" && m.Body.Contains(project.ToString())));
        Assert.Contains("93%", completion.Body, StringComparison.Ordinal);
        var history = await JsonAsync(await a.OfficerClient().GetAsync($"/api/funding/applications/{id}/history"));
        var actions = history.EnumerateArray().Select(h => h.GetProperty("action").GetString()).ToList();
        Assert.Equal(["OpenedFromAward", "Completed", "Submitted", "AssessorsAssigned", "AssignmentDeclined", "AssignmentAccepted", "AssignmentAccepted",
            "Scored", "Scored", "Decided", "MilestonesPlanned", "ProgressReported", "ReportReturned", "ProgressReported", "MilestoneAccepted",
            "ProgressReported", "ProjectCompleted"], actions);
    }

    /// <summary>Every id on every page of a list, one page of <paramref name="pageSize"/> at a time, with the total the first page gave.</summary>
    private static async Task<(List<Guid> Ids, int Total)> AllPagesAsync(HttpClient client, string path, string idProperty, int pageSize)
    {
        var (ids, total) = (new List<Guid>(), -1);
        for (var page = 1; page <= 20; page++)
        {
            var body = await JsonAsync(await client.GetAsync($"{path}?page={page}&pageSize={pageSize}"));
            total = total < 0 ? body.GetProperty("totalCount").GetInt32() : total;
            var items = body.GetProperty("items").EnumerateArray().Select(i => i.GetProperty(idProperty).GetGuid()).ToList();
            if (items.Count == 0)
            {
                break;
            }
            ids.AddRange(items);
        }
        return (ids, total);
    }

    [Fact]
    public async Task The_officer_queue_and_the_assignment_list_count_and_page_without_the_applications_withheld_from_the_caller()
    {
        var a = await FundingArrangement.CreateAsync(env, assessors: 1);
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            var (_, id) = await a.AwardedAsync();
            await a.CompleteAndSubmitAsync(id);
            ids.Add(id);
        }
        // The other officer is named an assessor of the first two: declines the first for a conflict, has not answered the second.
        foreach (var id in ids.Take(2))
        {
            await (await a.OfficerClient().PostAsJsonAsync($"/api/funding/applications/{id}/assessors",
                new { assessors = new[] { a.Assessors[0], a.OtherOfficer }.Select(x => x.ToString()) })).ShouldBe(HttpStatusCode.OK);
        }
        await (await a.OtherOfficerClient().PostAsJsonAsync($"/api/funding/applications/{ids[0]}/assignment",
            new { accept = false, declineReason = "ConflictOfInterest" })).ShouldBe(HttpStatusCode.OK);

        var officer = await AllPagesAsync(a.OfficerClient(), "/api/funding/applications", "id", pageSize: 2);
        Assert.Equal(3, officer.Total);
        Assert.Equal(ids.Order(), officer.Ids.Order());
        var other = await AllPagesAsync(a.OtherOfficerClient(), "/api/funding/applications", "id", pageSize: 1);
        Assert.Equal(1, other.Total);
        Assert.Equal([ids[2]], other.Ids);
        var assignments = await AllPagesAsync(a.OtherOfficerClient(), "/api/funding/assignments", "applicationId", pageSize: 1);
        Assert.Equal(2, assignments.Total);
        Assert.Equal(ids.Take(2).Order(), assignments.Ids.Order());
        var assessor = await AllPagesAsync(a.AssessorClient(0), "/api/funding/assignments", "applicationId", pageSize: 1);
        Assert.Equal((2, 2), (assessor.Total, assessor.Ids.Distinct().Count()));

        // Declaring no conflict on the second brings it into the officer's queue.
        await (await a.OtherOfficerClient().PostAsJsonAsync($"/api/funding/applications/{ids[1]}/assignment", new { accept = true })).ShouldBe(HttpStatusCode.OK);
        var after = await AllPagesAsync(a.OtherOfficerClient(), "/api/funding/applications", "id", pageSize: 1);
        Assert.Equal(2, after.Total);
        Assert.Equal(ids.Skip(1).Order(), after.Ids.Order());
        var slots = await env.InFundingDbAsync(db => db.AssessorSlots.Where(s => ids.Contains(s.ApplicationId)).CountAsync());
        Assert.Equal(4, slots);
    }

    [Fact]
    public async Task An_assessor_is_told_only_whose_application_and_which_project_before_declaring_and_nothing_more_from_any_endpoint()
    {
        var a = await FundingArrangement.CreateAsync(env, assessors: 2);
        var (_, id) = await a.AwardedAsync();
        await a.CompleteAndSubmitAsync(id);
        // The other officer is named an assessor and declares a conflict; the second assessor never answers.
        await (await a.OfficerClient().PostAsJsonAsync($"/api/funding/applications/{id}/assessors",
            new { assessors = new[] { a.Assessors[0], a.Assessors[1], a.OtherOfficer }.Select(x => x.ToString()) })).ShouldBe(HttpStatusCode.OK);
        await (await a.OtherOfficerClient().PostAsJsonAsync($"/api/funding/applications/{id}/assignment",
            new { accept = false, declineReason = "ConflictOfInterest" })).ShouldBe(HttpStatusCode.OK);
        await (await a.AssessorClient(0).PostAsJsonAsync($"/api/funding/applications/{id}/assignment", new { accept = true })).ShouldBe(HttpStatusCode.OK);

        foreach (var (who, client) in new[] { ("conflicted officer", a.OtherOfficerClient()), ("undeclared assessor", a.AssessorClient(1)) })
        {
            var paths = new[]
            {
                $"/api/funding/applications/{id}", $"/api/funding/applications/{id}/scoring", $"/api/funding/applications/{id}/history",
                $"/api/funding/applications/{id}/feedback", "/api/funding/applications?pageSize=100", "/api/funding/assignments?pageSize=100",
            };
            // The undeclared assessor's own list names the applicant and the project (for an informed declaration); nothing else does.
            foreach (var path in paths.Where(p => who == "conflicted officer" || !p.StartsWith("/api/funding/assignments", StringComparison.Ordinal)))
            {
                var response = await client.GetAsync(path);
                var text = await response.Content.ReadAsStringAsync();
                Assert.True((int)response.StatusCode is 200 or 403 or 404, $"{who} {path}: {(int)response.StatusCode}");
                Assert.DoesNotContain(FundingArrangement.TitleMarker, text, StringComparison.Ordinal);
                Assert.DoesNotContain("九龍路邊感測", text, StringComparison.Ordinal);
                Assert.DoesNotContain("Edge inference", text, StringComparison.Ordinal);
            }
            var list = await JsonAsync(await client.GetAsync("/api/funding/applications?pageSize=100"));
            Assert.DoesNotContain(id.ToString(), list.ToString(), StringComparison.Ordinal);
            var scored = await client.PostAsJsonAsync($"/api/funding/applications/{id}/scores", new
            {
                scores = new[] { new { criterion = "innovation", score = 1 }, new { criterion = "impact", score = 1 } }, feedback = "x", recommendation = "DoNotFund",
            });
            Assert.Equal(HttpStatusCode.Forbidden, scored.StatusCode);
            Assert.DoesNotContain(FundingArrangement.TitleMarker, await scored.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        var assignments = await JsonAsync(await a.AssessorClient(1).GetAsync("/api/funding/assignments"));
        var pending = assignments.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("applicationId").GetGuid() == id);
        Assert.True(pending.GetProperty("hidden").GetBoolean());
        Assert.Equal("declare-first", pending.GetProperty("hiddenCode").GetString());
        Assert.Equal(FundingArrangement.TitleMarker, pending.GetProperty("titleEn").GetString());
        var applicant = await env.InFundingDbAsync(db => db.Vendors.Where(v => v.Id == a.Vendor).Select(v => v.NameEn).SingleAsync());
        Assert.False(string.IsNullOrEmpty(applicant));
        Assert.Equal(applicant, pending.GetProperty("applicantNameEn").GetString());
        // Only the names: no scheme, no budget, no score state.
        Assert.Equal(JsonValueKind.Null, pending.GetProperty("schemeId").ValueKind);
        Assert.Equal(JsonValueKind.Null, pending.GetProperty("scored").ValueKind);
        Assert.DoesNotContain("Edge inference", pending.ToString(), StringComparison.Ordinal);
        // After declaring a conflict: neither the applicant nor the title.
        var conflicted = (await JsonAsync(await a.OtherOfficerClient().GetAsync("/api/funding/assignments"))).GetProperty("items").EnumerateArray()
            .Single(i => i.GetProperty("applicationId").GetGuid() == id);
        Assert.Equal("assignment-declined", conflicted.GetProperty("hiddenCode").GetString());
        Assert.Equal(JsonValueKind.Null, conflicted.GetProperty("titleEn").ValueKind);
        Assert.Equal(JsonValueKind.Null, conflicted.GetProperty("applicantNameEn").ValueKind);
        Assert.DoesNotContain(applicant, conflicted.ToString(), StringComparison.Ordinal);
        var accepted = await JsonAsync(await a.AssessorClient(0).GetAsync($"/api/funding/applications/{id}"));
        Assert.Equal(FundingArrangement.TitleMarker, accepted.GetProperty("titleEn").GetString());
        Assert.Equal(JsonValueKind.Null, accepted.GetProperty("assessors").ValueKind);
    }

    [Fact]
    public async Task A_funding_officer_sees_the_bodys_possible_assessors_by_name_and_a_renamed_one_by_the_new_name()
    {
        var a = await FundingArrangement.CreateAsync(env, assessors: 2);
        var outsider = await env.AddMemberAsync(await env.CreateOrganisationAsync("FundingBody"), Marketplace.ServiceDefaults.Auth.Roles.Assessor, manager: false);
        var candidates = await JsonAsync(await a.OfficerClient().GetAsync("/api/funding/assessors"));
        var ids = candidates.EnumerateArray().Select(c => c.GetProperty("userId").GetGuid()).ToList();
        Assert.Equal(new[] { a.Officer, a.OtherOfficer, a.Assessors[0], a.Assessors[1] }.Order(), ids.Order());
        Assert.DoesNotContain(outsider.UserId, ids);
        Assert.All(candidates.EnumerateArray(), c => Assert.Equal("Fixture Member", c.GetProperty("displayName").GetString()));

        var renamed = await env.IdentityClient().As(Marketplace.ServiceDefaults.Auth.Roles.Assessor, a.Body, a.Assessors[1].ToString())
            .PutAsJsonAsync("/api/identity/me", new { name = "陳大文 Chan Tai-man" });
        await renamed.ShouldBe(HttpStatusCode.OK);
        var seen = await Eventually.Until(
            async () => await JsonAsync(await a.OfficerClient().GetAsync("/api/funding/assessors")),
            list => list.EnumerateArray().Any(c => c.GetProperty("userId").GetGuid() == a.Assessors[1] && c.GetProperty("displayName").GetString() == "陳大文 Chan Tai-man"),
            what: "funding to learn the assessor's new name");
        Assert.Equal(4, seen.GetArrayLength());
        await (await a.AssessorClient(0).GetAsync("/api/funding/assessors")).ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_same_project_cannot_be_funded_from_a_second_scheme()
    {
        var a = await FundingArrangement.CreateAsync(env, assessors: 0);
        var (project, first) = await a.AwardedAsync();
        await a.CompleteAndSubmitAsync(first);
        var other = await a.OfficerClient().PostAsJsonAsync("/api/funding/schemes", a.SchemeBody(a.Code + "B"));
        await other.ShouldBe(HttpStatusCode.Created);
        var otherScheme = (await JsonAsync(other)).GetProperty("id").GetGuid();

        var created = await a.VendorClient().PostAsJsonAsync("/api/funding/applications", new
        {
            schemeId = otherScheme, titleEn = "Same kerbside project", titleZh = "同一路邊項目", sector = "transport", projectId = project,
        });
        await created.ShouldBe(HttpStatusCode.Created);
        var second = (await JsonAsync(created)).GetProperty("id").GetGuid();
        await (await a.VendorClient().PutAsJsonAsync($"/api/funding/applications/{second}", new
        {
            titleEn = "Same kerbside project", titleZh = "同一路邊項目",
            budget = new[] { new { costType = "Computing", amountHkd = 600_001m, description = "Edge units" } },
            companyContributionHkd = 300_001m, declaredNoOtherPublicFunding = true, declaredInformationTrue = true,
        })).ShouldBe(HttpStatusCode.OK);

        var refused = await a.VendorClient().PostAsync($"/api/funding/applications/{second}/submit", null);

        await refused.ShouldBe(HttpStatusCode.Conflict);
        Assert.Equal("not-eligible", (await JsonAsync(refused)).GetProperty("code").GetString());
        var view = await JsonAsync(await a.VendorClient().GetAsync($"/api/funding/applications/{second}"));
        Assert.Equal("Fail", Rule(view, "NoDoubleFunding").GetProperty("outcome").GetString());
        Assert.Equal("Draft", view.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Bad_scheme_and_application_input_is_refused_naming_the_field_in_the_callers_language()
    {
        var a = await FundingArrangement.CreateAsync(env, assessors: 0);
        var body = System.Text.Json.Nodes.JsonNode.Parse(JsonSerializer.Serialize(a.SchemeBody(), JsonSerializerOptions.Web))!.AsObject();
        body["closesAt"] = env.Clock.GetUtcNow().AddDays(-2);
        body["criteria"]![0]!["passMark"] = 11;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/funding/schemes") { Content = JsonContent.Create(body) };
        request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue("zh-HK"));

        var refused = await a.OfficerClient().SendAsync(request);

        await refused.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await JsonAsync(refused)).GetProperty("errors");
        Assert.Contains("closesAt", errors.GetProperty("closesAt")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("必須", errors.GetProperty("closesAt")[0].GetString(), StringComparison.Ordinal);
        Assert.True(errors.TryGetProperty("criteria[0].passMark", out _));
        var closed = await a.VendorClient().PostAsJsonAsync("/api/funding/applications", new { schemeId = Guid.NewGuid(), titleEn = "T", titleZh = "題", sector = "transport" });
        await closed.ShouldBe(HttpStatusCode.BadRequest);
        Assert.True((await JsonAsync(closed)).GetProperty("errors").TryGetProperty("schemeId", out _));
    }
}

public sealed class FundingFlowTests_Standalone(StandaloneEnvironment env) : FundingFlowTests(env), IClassFixture<StandaloneEnvironment>;

public sealed class FundingFlowTests_Distributed(DistributedEnvironment env) : FundingFlowTests(env), IClassFixture<DistributedEnvironment>;
