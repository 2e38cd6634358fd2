using System.Net;
using Microsoft.EntityFrameworkCore;
using UnvReporting.Domain.Frameworks;
using UnvReporting.Domain.Reporting;
using UnvReporting.Domain.Results;
using UnvReporting.Domain.Staff;
using UnvReporting.Testing;
using UnvReporting.Web.Platform.Data;
using UnvReporting.Web.Tests.Support;

namespace UnvReporting.Web.Tests.Features.PublicSite;

/// <summary>
/// The public site holds up on a thin year: one published without statistics (2022, its first
/// figures entered here), one without indicators, none published at all, a framework an Admin has
/// only just made.
/// </summary>
public class ThinYearTests
{
    [Theory, BothProviders]
    public async Task A_year_published_without_statistics_leads_the_home_page_but_not_the_statistics(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await OpenedYears.AddAsync(app, 2022, ReportingStatus.Published, statistics: false);

        (await app.Client.GetAsync("/statistics")).ShouldRedirectTo("/statistics/2021");
        (await app.Client.GetDocumentAsync("/statistics/compare")).QuerySelector("h1")!.Text().ShouldBe("Compare 2019 and 2021");

        var year = await app.Client.GetDocumentAsync("/statistics/2022");
        year.QuerySelector("#no-statistics")!.Text().ShouldBe("No volunteer statistics are published for 2022.");
        year.QuerySelector(".statistic-tiles").ShouldBeNull();
        (await app.Client.GetDocumentAsync("/statistics/2022?culture=zh-Hans")).QuerySelector("#no-statistics")!.Text().ShouldBe("2022年未发布志愿人员统计数字。");

        var home = await app.Client.GetDocumentAsync("/");
        home.QuerySelector(".at-a-glance")!.GetAttribute("data-year").ShouldBe("2022");
    }

    [Theory, BothProviders]
    public async Task A_year_published_without_indicators_does_not_lead_the_home_page(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await OpenedYears.AddAsync(app, 2022, ReportingStatus.Published, indicators: false);

        var home = await app.Client.GetDocumentAsync("/");

        home.QuerySelector(".at-a-glance")!.GetAttribute("data-year").ShouldBe("2021");
        home.QuerySelector(".summary-sentence")!.Text().ShouldStartWith("In 2021, 11 of UNV's 14 indicators were green");
        (await app.Client.GetAsync("/statistics")).ShouldRedirectTo("/statistics/2022");
        (await app.Client.GetDocumentAsync("/statistics/compare")).QuerySelector("h1")!.Text().ShouldBe("Compare 2021 and 2022");
    }

    [Theory, BothProviders]
    public async Task With_nothing_published_the_statistics_link_says_so(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await app.Services.SaveAsync(async db =>
        {
            foreach (var year in await db.ReportingYears.ToListAsync())
            {
                year.Withdraw(StaffRole.Admin, "Checking the figures again.");
            }
        });

        var page = await app.Client.GetDocumentAsync("/statistics");

        page.QuerySelector("#no-statistics")!.Text().ShouldBe("No volunteer statistics are published yet.");
        (await app.Client.GetDocumentAsync("/statistics?culture=zh-Hans")).QuerySelector("#no-statistics")!.Text().ShouldBe("尚未发布志愿人员统计数字。");
        (await app.Client.GetAsync("/statistics/2021")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory, BothProviders]
    public async Task A_framework_an_admin_just_made_is_not_public_and_counts_are_of_public_rows(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await app.Services.SaveAsync(db =>
        {
            db.Frameworks.Add(new StrategicFramework(2026, 2029, "DP/2025/99", new RatingBands(100, 60)));
            return Task.CompletedTask;
        });

        // An indicator that exists only in a draft (2022, of the 2022-2025 framework), and a new one of 2018-2021 only in draft 2020.
        await OpenedYears.AddAsync(app, 2022, ReportingStatus.Draft);
        await OpenedYears.AddAsync(app, 2020, ReportingStatus.Draft, indicators: false);
        await app.Services.SaveAsync(async db =>
        {
            var framework = await db.Frameworks.SingleAsync(f => f.Code == "2018-2021");
            var area = await db.ResultAreas.FirstAsync(a => a.FrameworkId == framework.Id && a.Code == "1");
            var indicator = new Indicator(framework.Id, "1.9", area, 99);
            db.Indicators.Add(indicator);
            db.IndicatorYears.Add(new IndicatorYear(
                indicator, 2020, "1.9", new IndicatorDefinition("Draft only", "仅草稿", Domain.Unit.Count, false, Direction.HigherIsBetter),
                1, 1, Domain.Sources.SourceReference.EnteredHere));
        });

        var home = await app.Client.GetDocumentAsync("/");

        home.QuerySelectorAll(".frameworks-table tbody tr").Select(r => r.Text()).ShouldBe([
            "2018-2021 DP/2018/6 green from 100% of the milestone, yellow from 60%, red below 14",
            "2022-2025 DP/2022/11 green from 100% of the milestone, yellow from 60%, red below 0",
        ]);
        (await app.Client.GetAsync("/frameworks/2026-2029")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.Client.GetAsync("/api/v1/frameworks/2026-2029")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.Client.GetJsonAsync("/api/v1/frameworks")).EnumerateArray().Select(f => f.GetProperty("code").GetString()).ShouldBe(["2018-2021", "2022-2025"]);
    }
}
