using System.Net;
using System.Text.Json;
using UnvReporting.Domain.Frameworks;
using UnvReporting.Domain.Staff;
using UnvReporting.Testing;
using UnvReporting.Web.Platform.Data;
using UnvReporting.Web.Tests.Support;

namespace UnvReporting.Web.Tests.Features.Frameworks;

/// <summary>The framework page and API: progress toward the end target, the review's figures, and who may see a framework.</summary>
public class FrameworkTests
{
    private static Task AddUnusedFrameworkAsync(TestApp app) =>
        app.Services.SaveAsync(db =>
        {
            db.Frameworks.Add(new StrategicFramework(2026, 2029, "DP/2026/9", RatingBands.Default));
            return Task.CompletedTask;
        });

    [Theory, BothProviders]
    public async Task Progress_toward_the_end_is_the_last_years_score_when_that_year_is_published(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var framework = await app.GetJsonAsync("/api/v1/frameworks/2018-2021", token: null);
        var year2021 = (await app.GetJsonAsync("/api/v1/years/2021/indicators", token: null)).EnumerateArray()
            .ToDictionary(i => i.GetProperty("key").GetString()!);

        var tracks = framework.GetProperty("indicators").EnumerateArray().ToList();
        tracks.Count.ShouldBe(year2021.Count);
        framework.GetProperty("publishedYears").EnumerateArray().Select(y => y.GetInt32()).ShouldBe([2019, 2021]);
        foreach (var track in tracks)
        {
            var key = track.GetProperty("key").GetString()!;
            // The end target is 2021's milestone and the latest result is 2021's, so progress is 2021's score.
            track.Raw("endTarget").ShouldBe(year2021[key].Raw("target"), key);
            track.Raw("progressPercent").ShouldBe(year2021[key].Raw("scorePercent"), key);
            track.GetProperty("progressRating").GetString().ShouldBe(year2021[key].GetProperty("rating").GetString(), key);
        }

        var summary = framework.GetProperty("summary");
        var counted = tracks.GroupBy(t => t.GetProperty("progressRating").GetString()).ToDictionary(g => g.Key!, g => g.Count());
        foreach (var colour in new[] { "green", "yellow", "red", "grey" })
        {
            summary.GetProperty(colour).GetInt32().ShouldBe(counted.GetValueOrDefault(colour), colour);
        }
    }

    [Theory, BothProviders]
    public async Task The_reviews_published_percentages_stand_beside_what_the_published_years_can_give(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);

        var framework = await app.GetJsonAsync("/api/v1/frameworks/2018-2021", token: null);

        var track = framework.GetProperty("indicators").EnumerateArray().Single(t => t.GetProperty("key").GetString() == "1.2");
        var review = track.GetProperty("reviews").EnumerateArray().Single();
        (review.GetProperty("fromYear").GetInt32(), review.GetProperty("toYear").GetInt32(), review.GetProperty("publishedPercent").GetInt32()).ShouldBe((2018, 2019, 253));
        review.GetProperty("computedPercent").ValueKind.ShouldBe(JsonValueKind.Null, "2018 is not a published reporting year");
        review.GetProperty("differs").GetBoolean().ShouldBeFalse();
        review.GetProperty("source").GetString().ShouldBe("DP/2020/14 para 64");
        var page = await app.Client.GetDocumentAsync("/frameworks/2018-2021");
        page.QuerySelector("tr[data-key='1.2'] .review-cell")!.TextContent.ShouldContain("253%");
        page.QuerySelectorAll("tr[data-key='1.2'] td.year-cell[data-year='2018'] .rating").ShouldBeEmpty();
    }

    [Theory, BothProviders]
    public async Task Draft_figures_stay_off_the_framework_page_for_visitors_and_show_for_staff(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await DraftYear.AddAsync(app);
        using var viewer = await app.SignedInAsync(StaffRole.Viewer);

        var visitor = await app.Client.GetDocumentAsync("/frameworks/2018-2021");
        visitor.QuerySelectorAll("td.year-cell[data-year='2020'] .rating").ShouldBeEmpty();
        visitor.Body!.TextContent.ShouldNotContain(DraftYear.Title);
        var staff = await viewer.GetDocumentAsync("/frameworks/2018-2021");
        staff.QuerySelectorAll($"tr[data-key='{DraftYear.IndicatorKey}'] td.year-cell[data-year='2020'] .rating").Length.ShouldBe(1);
    }

    [Theory, BothProviders]
    public async Task A_framework_shows_once_a_published_report_presents_it_and_not_merely_because_it_exists(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await AddUnusedFrameworkAsync(app);
        var token = await app.TokenForAsync(StaffRole.Viewer);

        var listed = (await app.GetJsonAsync("/api/v1/frameworks", token: null)).EnumerateArray().Select(f => f.GetProperty("code").GetString()).ToList();
        listed.ShouldBe(["2018-2021", "2022-2025"]);
        (await app.Client.GetAsync("/frameworks/2026-2029")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.GetAsync("/api/v1/frameworks/2026-2029", token: null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.GetJsonAsync("/api/v1/frameworks", token)).EnumerateArray().Select(f => f.GetProperty("code").GetString()).ShouldContain("2026-2029");

        // 2022-2025 has no published year, but DP/2022/24 (the published 2021 report) sets out its ambitions.
        var next = await app.Client.GetDocumentAsync("/frameworks/2022-2025");
        next.QuerySelector(".no-indicators").ShouldNotBeNull();
        next.QuerySelectorAll(".ambitions li").Length.ShouldBeGreaterThan(0);
    }

    [Theory, BothProviders]
    public async Task The_page_reads_in_chinese(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);

        var page = await app.Client.GetDocumentAsync("/frameworks/2018-2021?culture=zh-Hans");

        page.QuerySelector("h1")!.TextContent.ShouldBe("2018-2021年战略框架");
        page.QuerySelector(".progress-summary")!.TextContent.ShouldContain("项指标对照期末目标");
    }
}
