using System.Text;
using UnvReporting.Testing;
using UnvReporting.Web.Features.Staff.Years.Import;
using UnvReporting.Web.Platform.Data;
using UnvReporting.Web.Tests.Support;

namespace UnvReporting.Web.Tests.Features.Statistics;

public class TrendsTests
{
    [Theory, BothProviders]
    public async Task Volunteers_deployed_reach_back_to_the_history_the_2021_report_gives_with_its_wording(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);

        var page = await app.Client.GetDocumentAsync("/statistics/trends");

        page.QuerySelector("#metric option[selected]")!.GetAttribute("value").ShouldBe("volunteers_deployed");
        page.QuerySelectorAll(".statistic-chart tbody tr").Select(r => r.Text()).ShouldBe(
        [
            "1980 more than 600 DP/2022/24 para 52",
            "1995 about 1,800 DP/2022/24 para 52",
            "2019 8,282 DP/2020/14 para 19",
            "2021 10,921 DP/2022/24 para 14",
        ]);
    }

    [Theory, BothProviders]
    public async Task A_breakdown_is_picked_from_the_list_and_the_csv_has_its_rows(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);

        var page = await app.Client.GetDocumentAsync("/statistics/trends?metric=women_share&series=region:Africa");

        page.QuerySelector("#series option[selected]")!.Text().ShouldBe("Africa");
        page.QuerySelector(".statistic-chart h2")!.Text().ShouldBe("Women (Africa), year by year");
        page.QuerySelectorAll(".statistic-chart tbody tr").Select(r => r.Text()).ShouldBe(
            ["2018 40% DP/2022/24 para 32", "2019 43% DP/2020/14 para 39", "2021 46% DP/2022/24 para 32"]);
        var csv = await app.Client.GetByteArrayAsync(page.QuerySelector("a.csv-link")!.GetAttribute("href")!);
        csv.Take(3).ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
        Encoding.UTF8.GetString(csv[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).ShouldBe(
        [
            "metric,label,value,qualifier,source",
            "women_share,2018,40,exact,DP/2022/24 para 32",
            "women_share,2019,43,exact,DP/2020/14 para 39",
            "women_share,2021,46,exact,DP/2022/24 para 32",
        ]);
    }

    [Theory, BothProviders]
    public async Task Figures_entered_for_a_draft_year_are_left_out_printed_ones_stay_and_an_unknown_statistic_is_not_found(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await OpenedYears.AddAsync(app, 2020, Domain.Reporting.ReportingStatus.Draft);

        var printed = await app.Client.GetDocumentAsync("/statistics/trends?metric=financial_value_usd");
        var entered = await app.Client.GetDocumentAsync($"/statistics/trends?metric={OpenedYears.Metric}");

        printed.QuerySelectorAll(".statistic-chart tbody tr th").Select(r => r.Text()).ShouldBe(["2018", "2019", "2020", "2021"], "DP/2022/24 prints the 2020 value");
        entered.QuerySelectorAll(".statistic-chart tbody tr th").Select(r => r.Text()).ShouldNotContain("2020");
        (await app.Client.GetAsync("/statistics/trends?metric=no_such_metric")).StatusCode.ShouldBe(System.Net.HttpStatusCode.NotFound);
    }

    [Theory, BothProviders]
    public async Task In_Chinese_the_statistics_are_listed_by_their_Chinese_names(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);

        var page = await app.Client.GetDocumentAsync("/statistics/trends?culture=zh-Hans");

        page.QuerySelector("#metric option[selected]")!.Text().ShouldBe("联合国志愿人员人数");
        page.QuerySelector(".statistic-chart tbody tr")!.Text().ShouldStartWith("1980 超过600");
    }
}
