using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Marketplace.Testing;

namespace Marketplace.SoakTests;

/// <summary>
/// What people do on the marketplace, one operation per slot of the paced load, in fixed shares of every thousand slots:
/// anonymous reads of the public pages and APIs (58 %), an officer's and a vendor's signed-in reads (39.5 %), and writes
/// (2.5 % of the slots, about 5 % of the requests) that cross the outbox and RabbitMQ to the other services: a scenario
/// published in a batch of its own, a question answered, a solution published; besides drafts and saved searches.
/// </summary>
public sealed class SoakTraffic
{
    private static readonly Person Officer = new("officer@td.soak.test", "Wong Wing-sze", "Officer2026x", "zh-HK");
    private static readonly Person Vendor = new("lam@harbourlight.soak.test", "Lam Ho-yin", "Vendor2026xx");
    private static readonly string[] SearchWords = ["bus", Uri.EscapeDataString("巴士"), "arrival", "prediction", "GPS"];

    private readonly SignedInPerson _admin;
    private readonly SignedInPerson _officer;
    private readonly SignedInPerson _vendor;
    private readonly Guid _department;
    private readonly List<Guid> _published = [];
    private readonly Operation[] _schedule;
    private int _batches;
    private int _publishedBatches;
    private int _publishedScenarios;
    private int _answeredQuestions;
    private int _publishedSolutions;

    private sealed record Operation(string Name, int PerThousand, Func<GatewayCalls, long, Task> Run);

    private SoakTraffic(SignedInPerson admin, SignedInPerson officer, SignedInPerson vendor, Guid department)
    {
        (_admin, _officer, _vendor, _department) = (admin, officer, vendor, department);
        Operation[] mix =
        [
            Read("scenario list", 90, _ => "/api/catalogue/scenarios?page=1&pageSize=20&sort=published"),
            Read("text search", 80, slot => $"/api/catalogue/scenarios?q={SearchWords[slot % SearchWords.Length]}"),
            Read("scenario detail", 80, slot => $"/api/catalogue/scenarios/{PublishedAt(slot)}"),
            Read("scenario questions", 30, slot => $"/api/catalogue/scenarios/{PublishedAt(slot)}/clarifications"),
            Read("taxonomy", 50, _ => "/api/catalogue/taxonomy"),
            Read("success cases", 30, _ => "/api/catalogue/success-cases"),
            Read("batches", 20, _ => "/api/catalogue/batches"),
            Read("solutions", 30, _ => "/api/catalogue/solutions"),
            Read("funding schemes", 20, _ => "/api/funding/schemes"),
            Read("skills", 20, _ => "/api/talent/skills"),
            Read("open data feed", 40, _ => "/api/opendata/releases"),
            Read("open data record", 30, slot => $"/api/opendata/records/ocds-hkaism-{PublishedAt(slot)}"),
            Read("home page", 30, _ => "/"),
            Read("scenarios page", 20, _ => "/scenarios"),
            Read("scenario page", 10, slot => $"/scenarios/{PublishedAt(slot)}"),

            Read("officer's drafts", 50, _ => "/api/catalogue/scenarios?status=Draft", _officer),
            Read("officer's department", 30, _ => $"/api/catalogue/scenarios?departmentId={_department}", _officer),
            Read("officer's notifications", 20, _ => "/api/catalogue/notifications", _officer),
            Read("officer's account", 20, _ => "/api/identity/me", _officer),
            Read("submissions to review", 25, _ => "/api/catalogue/scenarios?status=Submitted", _admin),
            Read("vendor's open scenarios", 50, _ => "/api/matching/open-scenarios", _vendor),
            Read("vendor's recommendations", 30, _ => "/api/matching/recommended-scenarios", _vendor),
            Read("vendor's proposals", 30, _ => "/api/matching/proposals/mine", _vendor),
            Read("vendor's saved searches", 30, _ => "/api/catalogue/saved-searches", _vendor),
            Read("vendor's alerts", 30, _ => "/api/catalogue/notifications", _vendor),
            Read("vendor's inbox", 20, _ => "/api/matching/notifications", _vendor),
            Read("vendor's solutions", 20, _ => "/api/catalogue/solutions?mine=true", _vendor),
            Read("vendor's applications", 20, _ => "/api/funding/applications", _vendor),
            Read("vendor's account", 20, _ => "/api/identity/me", _vendor),

            new("officer drafts a scenario", 10, (calls, slot) => DraftAsync(calls, slot)),
            new("a scenario is published", 3, (calls, slot) => PublishAsync(calls, slot, 1)),
            new("a question is asked and answered", 5, AskAndAnswerAsync),
            new("a search is saved and deleted", 5, SaveAndDeleteSearchAsync),
            new("a solution is published", 2, PublishSolutionAsync),
        ];
        if (mix.Sum(o => o.PerThousand) is var perThousand and not 1000)
        {
            throw new InvalidOperationException($"The mix adds up to {perThousand} per thousand.");
        }
        // The same shuffled thousand every run: the shares are exact and a failure can be replayed.
        _schedule = [.. mix.SelectMany(o => Enumerable.Repeat(o, o.PerThousand))];
        new Random(16).Shuffle(_schedule);
    }

    /// <summary>Scenarios published in the seed and by the load; each one's event must reach every consumer.</summary>
    public int PublishedScenarios => Volatile.Read(ref _publishedScenarios);

    /// <summary>Batches published (one a publication), each a BatchPublished event for open data.</summary>
    public int PublishedBatches => Volatile.Read(ref _publishedBatches);

    public int AnsweredQuestions => Volatile.Read(ref _answeredQuestions);

    public int PublishedSolutions => Volatile.Read(ref _publishedSolutions);

    public SignedInPerson VendorPerson => _vendor;

    /// <summary>
    /// Onboards the department's officer and an approved vendor through the gateway, signs everyone in, gives the vendor a saved
    /// search with instant alerts and publishes three scenarios, so the reads have something to find from the first slot.
    /// </summary>
    public static async Task<SoakTraffic> PrepareAsync(HostProcess gateway, HttpClient http, Stopwatch clock)
    {
        var adminPerson = new Person(DistributedHosts.AdminEmail, "", DistributedHosts.AdminPassword);
        using var admin = await Onboarding.SignedInClientAsync(gateway, adminPerson);
        using var anonymous = gateway.Client();
        var (department, _) = await Onboarding.InvitedManagerAsync(admin, anonymous, "Department", "Transport Department", "運輸署", "DepartmentOfficer", Officer);
        var vendorId = await Onboarding.RegisteredVendorAsync(anonymous, "Harbourlight Vision Limited", "港光視覺有限公司", "71845203", Vendor);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/identity/organisations/{vendorId}/approve", null)).StatusCode);

        var traffic = new SoakTraffic(
            await SignedInPerson.SignInAsync(http, clock, adminPerson),
            await SignedInPerson.SignInAsync(http, clock, Officer),
            await SignedInPerson.SignInAsync(http, clock, Vendor),
            department);
        var setupLog = new RequestLog();
        var setup = new GatewayCalls(http, setupLog, clock);
        await setup.SendAsync("search saved", HttpMethod.Post, "/api/catalogue/saved-searches", traffic._vendor,
            new { name = "Buses", query = "bus", frequency = "Instant" }, HttpStatusCode.Created);
        await traffic.PublishAsync(setup, 0, 3);
        Assert.True(setupLog.Errors.Count == 0, string.Join('\n', setupLog.Errors.Select(e => e.Error)));
        await Eventually.Until(() => setup.GetAsync("vendor's open scenarios", "/api/matching/open-scenarios", traffic._vendor),
            page => page is not null && TotalCount(page) == 3, TimeSpan.FromSeconds(60), "the seeded scenarios to reach the matching service");
        return traffic;
    }

    public Task RunAsync(GatewayCalls calls, long slot) => _schedule[slot % _schedule.Length].Run(calls, slot);

    public static int TotalCount(string page)
    {
        using var json = JsonDocument.Parse(page);
        return json.RootElement.GetProperty("totalCount").GetInt32();
    }

    private static Operation Read(string name, int perThousand, Func<long, string> path, SignedInPerson? person = null) =>
        new(name, perThousand, (calls, slot) => calls.GetAsync(name, path(slot), person));

    private Guid PublishedAt(long slot)
    {
        lock (_published)
        {
            return _published[(int)(slot % _published.Count)];
        }
    }

    private Task<Guid?> DraftAsync(GatewayCalls calls, long slot) =>
        IdAsync(calls.SendAsync("scenario drafted", HttpMethod.Post, "/api/catalogue/scenarios", _officer,
            SampleScenario.Body($"Franchised bus arrival prediction, route {slot}", $"專營巴士到站時間預測（路線 {slot}）"), HttpStatusCode.Created));

    /// <summary>An administrator opens a batch, the officer drafts and submits, the administrator approves and publishes the batch.</summary>
    private async Task PublishAsync(GatewayCalls calls, long slot, int scenarios)
    {
        // Batch codes are year and number (1 to 99); each publication takes the next.
        var index = Interlocked.Increment(ref _batches) - 1;
        var batch = await IdAsync(calls.SendAsync("batch created", HttpMethod.Post, "/api/catalogue/batches", _admin, new
        {
            year = 2030 + index / 99, number = index % 99 + 1, descriptionEn = "Transport scenarios", descriptionZh = "運輸情境",
            proposalDeadline = DateTimeOffset.UtcNow.AddDays(60),
        }, HttpStatusCode.Created));
        var ids = new List<Guid>();
        for (var i = 0; batch is not null && i < scenarios; i++)
        {
            if (await DraftAsync(calls, slot * 10 + i) is not { } id
                || await calls.SendAsync("scenario submitted", HttpMethod.Post, $"/api/catalogue/scenarios/{id}/submit", _officer, new { batchId = batch }, HttpStatusCode.OK) is null
                || await calls.SendAsync("scenario approved", HttpMethod.Post, $"/api/catalogue/scenarios/{id}/approve", _admin, null, HttpStatusCode.OK) is null)
            {
                return;
            }
            ids.Add(id);
        }
        if (batch is not null && await calls.SendAsync("batch published", HttpMethod.Post, $"/api/catalogue/batches/{batch}/publish", _admin, null, HttpStatusCode.OK) is not null)
        {
            lock (_published)
            {
                _published.AddRange(ids);
            }
            Interlocked.Add(ref _publishedScenarios, ids.Count);
            Interlocked.Increment(ref _publishedBatches);
        }
    }

    private async Task AskAndAnswerAsync(GatewayCalls calls, long slot)
    {
        var scenario = PublishedAt(slot);
        var question = await IdAsync(calls.SendAsync("question asked", HttpMethod.Post, $"/api/catalogue/scenarios/{scenario}/clarifications", _vendor,
            new { question = $"Is the GPS feed of route {slot} available in real time?" }, HttpStatusCode.Created));
        if (question is not null && await calls.SendAsync("question answered", HttpMethod.Post, $"/api/catalogue/scenarios/{scenario}/clarifications/{question}/answer",
                _officer, new { answerEn = "Yes, every 10 seconds.", answerZh = "是，每十秒一次。" }, HttpStatusCode.OK) is not null)
        {
            Interlocked.Increment(ref _answeredQuestions);
        }
    }

    private async Task SaveAndDeleteSearchAsync(GatewayCalls calls, long slot)
    {
        var search = await IdAsync(calls.SendAsync("search saved", HttpMethod.Post, "/api/catalogue/saved-searches", _vendor,
            new { name = $"Forecasting {slot}", query = "forecast", capability = "forecasting", frequency = "Daily" }, HttpStatusCode.Created));
        if (search is not null)
        {
            await calls.SendAsync("saved search deleted", HttpMethod.Delete, $"/api/catalogue/saved-searches/{search}", _vendor, null, HttpStatusCode.NoContent);
        }
    }

    private async Task PublishSolutionAsync(GatewayCalls calls, long slot)
    {
        var solution = await IdAsync(calls.SendAsync("solution drafted", HttpMethod.Post, "/api/catalogue/solutions", _vendor, new
        {
            nameEn = $"Harbourlight ETA {slot}", nameZh = $"港光到站預測 {slot}", summaryEn = "Arrival prediction from live GPS.", summaryZh = "以實時定位預測到站時間。",
            descriptionEn = "Gradient-boosted arrival model.", descriptionZh = "梯度提升到站模型。",
            capabilities = new[] { "forecasting" }, sectors = new[] { "transport" }, deploymentReferences = Array.Empty<object>(),
        }, HttpStatusCode.Created));
        if (solution is not null
            && await calls.SendAsync("solution published", HttpMethod.Post, $"/api/catalogue/solutions/{solution}/publish", _vendor, null, HttpStatusCode.OK) is not null)
        {
            Interlocked.Increment(ref _publishedSolutions);
        }
    }

    private static async Task<Guid?> IdAsync(Task<string?> response)
    {
        if (await response is not { } body)
        {
            return null;
        }
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("id").GetGuid();
    }
}
