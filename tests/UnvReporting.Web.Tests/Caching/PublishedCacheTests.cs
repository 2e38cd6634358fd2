using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UnvReporting.Domain.Staff;
using UnvReporting.Testing;
using UnvReporting.Web.Data.Auditing;
using UnvReporting.Web.Caching;
using UnvReporting.Web.Data;
using UnvReporting.Web.Tests.Support;

namespace UnvReporting.Web.Tests.Caching;

/// <summary>
/// The output cache in front of the public pages and read API (Caching/PublishedCache): repeated
/// visitor requests cost no SQL, answers differ by culture, a saved change is visible at once,
/// and staff never get a visitor's copy.
/// </summary>
public class PublishedCacheTests
{
    private static readonly string[] CachedPaths =
    [
        "/",
        "/indicators/2021",
        "/indicators/2021/1.2",
        "/statistics/2021",
        "/statistics/trends",
        "/statistics/compare?a=2019&b=2021",
        "/api/v1/years",
        "/api/v1/years/2021/summary",
        "/api/v1/years/2021/indicators",
        "/api/v1/years/2021/indicators/1.2",
        "/api/v1/indicators/1.2",
        "/api/v1/years/2021/statistics",
        "/api/v1/statistics/volunteers_deployed",
    ];

    [Theory, BothProviders]
    public async Task A_repeated_visitor_request_is_answered_without_sql(DatabaseProvider provider)
    {
        var counter = new CommandCounter();
        await using var app = await TestApp.StartAsync(provider, configureServices: services => services.AddSingleton<IInterceptor>(counter));

        foreach (var path in CachedPaths)
        {
            var first = await GetTextAsync(app.Client, path);
            counter.Reset();
            var second = await GetTextAsync(app.Client, path);

            counter.Count.ShouldBe(0, $"{path} was read from the database again");
            second.ShouldBe(first, path);
        }
    }

    [Theory, BothProviders]
    public async Task With_the_cache_switched_off_every_request_reads_the_database(DatabaseProvider provider)
    {
        var counter = new CommandCounter();
        await using var app = await TestApp.StartAsync(
            provider, new Dictionary<string, string> { ["Performance:OutputCache"] = "false" }, configureServices: services => services.AddSingleton<IInterceptor>(counter));

        await GetTextAsync(app.Client, "/indicators/2021");
        counter.Reset();
        await GetTextAsync(app.Client, "/indicators/2021");

        counter.Count.ShouldBeGreaterThan(0);
    }

    [Theory, BothProviders]
    public async Task The_culture_cookie_gets_its_own_copy(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);

        var english = await GetTextAsync(app.Client, "/indicators/2021");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/indicators/2021");
        request.Headers.Add("Cookie", ".AspNetCore.Culture=c%3Dzh-Hans%7Cuic%3Dzh-Hans");
        using var response = await app.Client.SendAsync(request);
        var chinese = await response.Content.ReadAsStringAsync();
        var englishAgain = await GetTextAsync(app.Client, "/indicators/2021");

        english.ShouldContain("<html lang=\"en\"");
        chinese.ShouldContain("<html lang=\"zh-Hans\"");
        englishAgain.ShouldBe(english);
    }

    [Theory, BothProviders]
    public async Task An_edit_saved_through_the_api_is_seen_by_the_next_visitor(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        const string path = "/api/v1/years/2021/indicators/1.1";
        (await app.GetJsonAsync(path, token: null)).GetProperty("result").GetDecimal().ShouldBe(63m);
        (await GetTextAsync(app.Client, "/indicators/2021")).ShouldNotContain("61%");

        var approver = await app.TokenForAsync(StaffRole.Approver);
        await (await app.PutJsonAsync(path, $$"""{"result":61,"reason":"Cache test.","version":"{{await app.VersionOfAsync(2021, "1.1", approver)}}"}""", approver)).JsonAsync(200);

        (await app.GetJsonAsync(path, token: null)).GetProperty("result").GetDecimal().ShouldBe(61m);
        (await GetTextAsync(app.Client, "/indicators/2021")).ShouldContain("61%");
    }

    [Theory, BothProviders]
    public async Task An_answer_stored_just_after_a_change_is_evicted_again_a_little_later(DatabaseProvider provider)
    {
        // A reader that read the old figures just before a commit may store its answer just after
        // the eviction; the second eviction removes whatever was stored in between.
        var counter = new CommandCounter();
        await using var app = await TestApp.StartAsync(provider, configureServices: services => services.AddSingleton<IInterceptor>(counter));
        var approver = await app.TokenForAsync(StaffRole.Approver);
        await (await app.PutJsonAsync("/api/v1/years/2021/indicators/1.1", $$"""{"result":61,"reason":"Second eviction test.","version":"{{await app.VersionOfAsync(2021, "1.1", approver)}}"}""", approver)).JsonAsync(200);

        await GetTextAsync(app.Client, "/api/v1/years/2021/summary");
        counter.Reset();
        await GetTextAsync(app.Client, "/api/v1/years/2021/summary");
        counter.Count.ShouldBe(0, "stored after the first eviction");

        await Task.Delay(PublishedCacheEviction.SecondEviction + TimeSpan.FromSeconds(1));
        counter.Reset();
        await GetTextAsync(app.Client, "/api/v1/years/2021/summary");

        counter.Count.ShouldBeGreaterThan(0, "the second eviction removed it");
    }

    [Theory, BothProviders]
    public async Task Publishing_a_year_shows_it_to_the_next_visitor(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await DraftYear.AddAsync(app);
        (await app.GetJsonAsync("/api/v1/years", token: null)).EnumerateArray().Select(y => y.GetProperty("year").GetInt32()).ShouldNotContain(DraftYear.Year);

        await using (var scope = app.CreateDbScope())
        {
            var year = await scope.Db.ReportingYears.SingleAsync(y => y.Year == DraftYear.Year);
            year.Submit(StaffRole.Editor);
            year.Publish(StaffRole.Approver);
            await scope.Db.SaveAuditedAsync(StaffActor.System, null, DateTimeOffset.UtcNow);
        }

        (await app.GetJsonAsync("/api/v1/years", token: null)).EnumerateArray().Select(y => y.GetProperty("year").GetInt32()).ShouldContain(DraftYear.Year);
    }

    [Theory, BothProviders]
    public async Task Staff_are_neither_served_nor_stored_in_the_visitors_cache(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var staff = await app.ClientAsAsync(StaffRole.Viewer);

        var visitorFirst = await GetTextAsync(app.Client, "/indicators/2021");
        var staffPage = await GetTextAsync(staff, "/indicators/2021");
        var visitorAgain = await GetTextAsync(app.Client, "/indicators/2021");

        visitorFirst.ShouldNotContain("href=\"/staff\"");
        staffPage.ShouldContain("href=\"/staff\"");
        visitorAgain.ShouldNotContain("href=\"/staff\"");

        var token = await app.TokenForAsync(StaffRole.Editor);
        await DraftYear.AddAsync(app);
        (await app.GetJsonAsync("/api/v1/years", token: null)).EnumerateArray().Select(y => y.GetProperty("year").GetInt32()).ShouldNotContain(DraftYear.Year);
        (await app.GetJsonAsync("/api/v1/years", token)).EnumerateArray().Select(y => y.GetProperty("year").GetInt32()).ShouldContain(DraftYear.Year);
        (await app.GetJsonAsync("/api/v1/years", token: null)).EnumerateArray().Select(y => y.GetProperty("year").GetInt32()).ShouldNotContain(DraftYear.Year);
    }

    private static async Task<string> GetTextAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        ((int)response.StatusCode).ShouldBe(200, path);
        return await response.Content.ReadAsStringAsync();
    }
}
