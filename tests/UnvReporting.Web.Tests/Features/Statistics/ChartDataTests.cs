using System.Text;
using System.Text.Json;
using UnvReporting.Testing;
using UnvReporting.Web.Platform.Data;
using UnvReporting.Web.Tests.Support;

namespace UnvReporting.Web.Tests.Features.Statistics;

/// <summary>What the statistics pages hand wwwroot/js/charts.js beside the figures: the kind of chart and the figures as the report words them.</summary>
public class ChartDataTests
{
    [Theory, BothProviders]
    public async Task A_trend_is_drawn_on_a_time_axis_with_each_figure_worded_as_the_report_gives_it(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);

        var page = await app.Client.GetDocumentAsync("/statistics/trends?metric=volunteers_deployed");

        using var data = JsonDocument.Parse(page.GetElementById("trend-chart-data")!.TextContent);
        data.RootElement.GetProperty("type").GetString().ShouldBe("trend");
        var labels = data.RootElement.GetProperty("labels").EnumerateArray().Select(l => l.GetString()).ToList();
        var texts = data.RootElement.GetProperty("texts").EnumerateArray().Select(t => t.GetString()).ToList();
        texts[labels.IndexOf("1980")].ShouldBe("more than 600");
        texts[labels.IndexOf("1995")].ShouldBe("about 1,800");
        texts[labels.IndexOf("2021")].ShouldBe("10,921");
        data.RootElement.GetProperty("qualified")[labels.IndexOf("1980")].GetBoolean().ShouldBeTrue();
        data.RootElement.GetProperty("qualified")[labels.IndexOf("2021")].GetBoolean().ShouldBeFalse();

        var chinese = await app.Client.GetDocumentAsync("/statistics/trends?metric=volunteers_deployed&culture=zh-Hans");
        using var zh = JsonDocument.Parse(chinese.GetElementById("trend-chart-data")!.TextContent);
        zh.RootElement.GetProperty("texts")[labels.IndexOf("1980")].GetString().ShouldBe("超过600");
    }

    [Theory, BothProviders]
    public async Task The_age_chart_says_the_report_gives_only_some_groups(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);

        var page = await app.Client.GetDocumentAsync("/statistics/2021");

        var age = page.QuerySelector(".statistic-chart[data-chart='age']")!;
        age.QuerySelectorAll("tbody tr").Count.ShouldBe(2);
        age.QuerySelector(".partial-breakdown")!.Text().ShouldBe(
            "The report gives only these groups, together 34% of UN Volunteers; it does not break down the other 66%.");
        // A breakdown that covers the whole says nothing of the kind.
        page.QuerySelector(".statistic-chart[data-chart='entities'] .partial-breakdown").ShouldBeNull();
        var chinese = await app.Client.GetDocumentAsync("/statistics/2021?culture=zh-Hans");
        chinese.QuerySelector(".statistic-chart[data-chart='age'] .partial-breakdown")!.Text().ShouldBe("报告只给出这些组别，合计占联合国志愿人员的34%；其余66%未细分。");
    }

    [Theory, BothProviders]
    public async Task Compare_charts_the_change_of_each_count_and_offers_it_as_csv(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);

        var page = await app.Client.GetDocumentAsync("/statistics/compare?a=2019&b=2021");

        var chart = page.QuerySelector(".statistic-chart[data-chart='compare']")!;
        chart.QuerySelector("h2")!.Text().ShouldBe("Change from 2019 to 2021");
        using var data = JsonDocument.Parse(page.GetElementById("compare-chart-data")!.TextContent);
        var labels = data.RootElement.GetProperty("labels").EnumerateArray().Select(l => l.GetString()).ToList();
        var values = data.RootElement.GetProperty("values").EnumerateArray().Select(v => v.GetDecimal()).ToList();
        // The same change the table gives: 8,282 to 10,921 is +31.9%.
        values[labels.IndexOf("UN Volunteers deployed")].ShouldBe(31.9m);
        values[labels.IndexOf("UN Volunteers by host: UNDP")].ShouldBe(18.8m);
        // Shares change in points, not percent, and a figure of one year only has no change: neither is charted.
        labels.ShouldNotContain("Women");
        labels.ShouldNotContain("UN Volunteers by host: UNHCR");
        values.ShouldBe(values.OrderByDescending(v => v).ToList());
        chart.QuerySelector("[data-action='download-png'][data-chart='compare-chart']").ShouldNotBeNull();

        var csvUrl = chart.QuerySelector("a.csv-link")!.GetAttribute("href")!;
        var response = await app.Client.GetAsync(csvUrl);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var csv = Encoding.UTF8.GetString((await response.Content.ReadAsByteArrayAsync())[3..]).Split("\r\n");
        csv[0].ShouldBe("comparison,label,value,qualifier,source");
        csv.ShouldContain("2019-2021,UN Volunteers deployed,31.9,exact,DP/2020/14 para 19; DP/2022/24 para 14");
        csv.Count(l => l.Length > 0).ShouldBe(labels.Count + 1);

        var chinese = await app.Client.GetDocumentAsync("/statistics/compare?a=2019&b=2021&culture=zh-Hans");
        chinese.QuerySelector(".statistic-chart[data-chart='compare'] h2")!.Text().ShouldBe("2019年至2021年的变化");
    }
}
