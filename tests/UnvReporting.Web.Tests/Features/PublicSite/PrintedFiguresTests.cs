using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using UnvReporting.Domain;
using UnvReporting.Domain.Reporting;
using UnvReporting.Domain.Results;
using UnvReporting.Domain.Sources;
using UnvReporting.Domain.Staff;
using UnvReporting.Testing;
using UnvReporting.Web.Platform.Data;
using UnvReporting.Web.Tests.Support;

namespace UnvReporting.Web.Tests.Features.PublicSite;

/// <summary>
/// What the public saw stays: DP/2022/24 prints 2020 figures beside 2021's, so opening 2020 as a
/// draft keeps them public on every page, download and API answer; what is entered for 2020 stays
/// staff-only until 2020 is published.
/// </summary>
public class PrintedFiguresTests
{
    private const int Draft = 2020;

    [Theory, BothProviders]
    public async Task Opening_2020_as_a_draft_keeps_the_2020_figures_the_2021_report_prints(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var visitor = app.Visitor();
        var before = await visitor.GetDocumentAsync("/statistics/2021");
        before.QuerySelector("[data-metric='financial_value_usd'] .tile-change")!.Text().ShouldBe("+13.7% on 2020 (USD 237.4 million)");

        await OpenedYears.AddAsync(app, Draft, ReportingStatus.Draft);

        var page = await visitor.GetDocumentAsync("/statistics/2021");
        page.QuerySelector("[data-metric='financial_value_usd'] .tile-change")!.Text().ShouldBe("+13.7% on 2020 (USD 237.4 million)");
        page.QuerySelector("[data-metric='volunteers_deployed'] .tile-change").ShouldBeNull("the 2020 total is entered for the draft, printed nowhere");

        var trend = await visitor.Client.GetStringAsync("/statistics/trends?metric=financial_value_usd&handler=Csv");
        trend.ShouldContain("financial_value_usd,2020,");

        var export = await visitor.Client.GetStringAsync("/export/statistics.csv");
        export.Split('\n').Where(l => l.StartsWith("2020,", StringComparison.Ordinal)).Count().ShouldBe(8);
        export.ShouldNotContain("7777");
        var yearExport = await visitor.Client.GetStringAsync($"/export/{Draft}/statistics.csv");
        yearExport.ShouldContain("financial_value_usd");
        yearExport.ShouldNotContain("7777");

        var metric = await visitor.Client.GetJsonAsync("/api/v1/statistics/financial_value_usd");
        metric.GetProperty("facts").EnumerateArray().ShouldContain(f => f.GetProperty("year").GetInt32() == Draft);
    }

    [Theory, BothProviders]
    public async Task An_indicator_year_a_published_report_prints_stays_in_the_indicators_history_while_its_year_is_a_draft(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await OpenedYears.AddAsync(app, Draft, ReportingStatus.Draft);
        await app.Services.SaveAsync(async db =>
        {
            var indicator = await db.Indicators.SingleAsync(i => i.Key == "1.2" && i.FrameworkId == db.Frameworks.Single(f => f.Code == "2018-2021").Id);
            db.IndicatorYears.Add(new IndicatorYear(
                indicator, Draft, "1.2", new IndicatorDefinition("Printed title", "印刷标题", Unit.Count, false, Direction.HigherIsBetter),
                10, 12, new SourceReference("DP/2022/24", "outcome 1 table")));
        });

        var printed = await app.Client.GetJsonAsync("/api/v1/indicators/1.2");
        printed.GetProperty("years").EnumerateArray().Select(y => y.GetProperty("year").GetInt32()).ShouldContain(Draft);
        (await app.Client.GetAsync($"/indicators/{Draft}/1.2")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var entered = await app.Client.GetJsonAsync($"/api/v1/indicators/{OpenedYears.Key}");
        entered.GetProperty("years").EnumerateArray().Select(y => y.GetProperty("year").GetInt32()).ShouldNotContain(Draft);
        (await app.Client.GetAsync($"/indicators/{Draft}/{OpenedYears.Key}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.Client.GetAsync($"/indicators/{Draft}")).StatusCode.ShouldBe(HttpStatusCode.NotFound, "the year's own table waits for its publication");
    }

    [Theory, BothProviders]
    public async Task What_was_entered_for_a_year_appears_once_it_is_published_although_the_answer_without_it_was_cached(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await OpenedYears.AddAsync(app, Draft, ReportingStatus.Draft);
        var path = $"/api/v1/years/{Draft}/statistics";
        (await app.Client.GetJsonAsync(path)).EnumerateArray().ShouldNotContain(f => f.GetProperty("metric").GetString() == OpenedYears.Metric);
        (await app.Client.GetJsonAsync(path)).GetArrayLength().ShouldBe(8, "served from the cache");

        await app.Services.SaveAsync(async db =>
        {
            var year = await db.ReportingYears.SingleAsync(y => y.Year == Draft);
            var check = PublicationCheck.Of(Draft, [new PublicationRow(OpenedYears.Key, 50, 40, null)]);
            year.Submit(StaffRole.Editor, check);
            year.Publish(StaffRole.Approver, "approver", check, [], fourEyes: true);
        });

        var published = await app.Client.GetJsonAsync(path);
        published.EnumerateArray().ShouldContain(f => f.GetProperty("metric").GetString() == OpenedYears.Metric && f.GetProperty("value").GetDecimal() == OpenedYears.Volunteers);
    }

    [Theory, BothProviders]
    public async Task Withdrawing_a_report_takes_back_what_it_printed_of_a_draft_year(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await OpenedYears.AddAsync(app, Draft, ReportingStatus.Draft);
        (await app.Client.GetJsonAsync($"/api/v1/years/{Draft}/statistics")).GetArrayLength().ShouldBe(8);

        await app.Services.SaveAsync(async db => (await db.ReportingYears.SingleAsync(y => y.Year == 2021)).Withdraw(StaffRole.Approver, "Published by mistake."));

        (await app.Client.GetAsync($"/api/v1/years/{Draft}/statistics")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var metric = await app.Client.GetJsonAsync("/api/v1/statistics/financial_value_usd");
        metric.GetProperty("facts").EnumerateArray().Select(f => f.GetProperty("year").GetInt32()).ShouldBe([2018, 2019]);
    }
}
