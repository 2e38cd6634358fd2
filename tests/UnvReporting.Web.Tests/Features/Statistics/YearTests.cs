using System.Text;
using System.Text.Json;
using UnvReporting.Testing;
using UnvReporting.Web.Features.Staff.Years.Import;
using UnvReporting.Web.Platform.Data;
using UnvReporting.Web.Tests.Support;

namespace UnvReporting.Web.Tests.Features.Statistics;

public class YearTests
{
    [Theory, BothProviders]
    public async Task The_tiles_show_the_year_figures_with_their_source_and_the_change_on_the_year_before(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);

        var page = await app.Client.GetDocumentAsync("/statistics/2021");

        page.QuerySelector("h1")!.Text().ShouldBe("Volunteer statistics 2021");
        var deployed = page.QuerySelector(".statistic-tile[data-metric='volunteers_deployed']")!;
        deployed.QuerySelector(".tile-value")!.Text().ShouldBe("10,921");
        deployed.QuerySelector(".tile-source")!.Text().ShouldBe("Source: DP/2022/24 para 14");
        deployed.QuerySelector(".tile-growth")!.Text().ShouldBe("Change on the year before, as the report gives it: +15% (DP/2022/24 para 14)");
        var value = page.QuerySelector(".statistic-tile[data-metric='financial_value_usd']")!;
        value.QuerySelector(".tile-value")!.Text().ShouldBe("USD 270 million");
        value.QuerySelector(".tile-change")!.Text().ShouldBe("+13.7% on 2020 (USD 237.4 million)");
        value.QuerySelector(".tile-source")!.Text().ShouldBe("Source: DP/2022/24 para 39");
        page.QuerySelector(".statistic-tile[data-metric='women_share'] .tile-value")!.Text().ShouldBe("53%");
        page.QuerySelectorAll(".statistic-tile").Select(t => t.GetAttribute("data-metric")).ShouldBe(
        [
            "volunteers_deployed", "volunteer_months", "countries_served", "un_entities_served", "women_share",
            "national_share", "global_south_share", "online_volunteers", "financial_value_usd",
        ]);
    }

    [Theory, BothProviders]
    public async Task Each_chart_has_its_data_its_table_and_its_sources(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);

        var page = await app.Client.GetDocumentAsync("/statistics/2021");

        page.QuerySelectorAll(".statistic-chart").Select(c => c.GetAttribute("data-chart"))
            .ShouldBe(["entities", "regions", "national", "women", "age", "categories"]);
        using var entities = JsonDocument.Parse(page.GetElementById("entities-chart-data")!.TextContent);
        var labels = entities.RootElement.GetProperty("labels").EnumerateArray().Select(l => l.GetString()).ToList();
        labels.Take(2).ShouldBe(["UN Secretariat entities and missions", "UNDP"]);
        labels.ShouldContain("UNICEF");
        entities.RootElement.GetProperty("values")[1].GetDecimal().ShouldBe(3173m);
        entities.RootElement.GetProperty("type").GetString().ShouldBe("bar");
        var table = page.QuerySelector(".statistic-chart[data-chart='entities'] details table")!;
        table.QuerySelectorAll("tbody tr").Count.ShouldBe(labels.Count);
        table.QuerySelector("tbody tr")!.Text().ShouldBe("UN Secretariat entities and missions 3,462 DP/2022/24 para 17");
        var women = page.QuerySelector(".statistic-chart[data-chart='women']")!;
        women.QuerySelectorAll("tbody tr").Select(r => r.Text()).ShouldBe(
            ["Women 53% DP/2022/24 para 32", "Men 47% 100% minus the share given in DP/2022/24 para 32"]);
        page.QuerySelector("[data-action='download-png'][data-chart='entities-chart']").ShouldNotBeNull();
    }

    [Theory, BothProviders]
    public async Task A_chart_table_shows_the_year_before_where_a_report_gives_it(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);

        var page = await app.Client.GetDocumentAsync("/statistics/2019");

        var age = page.QuerySelector(".statistic-chart[data-chart='age'] table")!;
        age.QuerySelectorAll("thead th").Select(h => h.Text()).ShouldBe(["Figure", "Value", "2018", "Change", "Source"]);
        age.QuerySelector("tbody tr")!.Text().ShouldBe("Under 30 35% 30% +5 points DP/2020/14 para 34");
    }

    [Theory, BothProviders]
    public async Task The_chart_csv_has_a_byte_order_mark_and_exactly_the_chart_rows(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var page = await app.Client.GetDocumentAsync("/statistics/2021");
        var link = page.QuerySelector(".statistic-chart[data-chart='entities'] a.csv-link")!.GetAttribute("href")!;

        using var response = await app.Client.GetAsync(link);

        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        bytes.Take(3).ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldBe("year,label,value,qualifier,source");
        lines[1].ShouldBe("2021,UN Secretariat entities and missions,3462,exact,DP/2022/24 para 17");
        lines.Length.ShouldBe(1 + page.QuerySelectorAll(".statistic-chart[data-chart='entities'] tbody tr").Length);

        // Peacekeeping operations (1,687) are part of "UN Secretariat entities and missions": one bar, not two.
        lines.ShouldNotContain(l => l.Contains("peacekeeping", StringComparison.OrdinalIgnoreCase));
    }

    [Theory, BothProviders]
    public async Task A_draft_year_shows_what_reports_print_of_it_a_year_without_figures_is_not_found_and_statistics_opens_the_latest_year(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        (await app.Client.GetAsync("/statistics/2020")).StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        await DraftYear.AddAsync(app);

        // DP/2022/24 prints 2020 figures: opening 2020 as a draft does not take them back.
        var page = await app.Client.GetDocumentAsync("/statistics/2020");
        page.QuerySelector("[data-metric='financial_value_usd'] .tile-value")!.Text().ShouldBe("USD 237.4 million");
        (await app.Client.GetAsync("/statistics/2020?handler=Csv&chart=entities")).StatusCode.ShouldBe(System.Net.HttpStatusCode.NotFound);
        (await app.Client.GetAsync("/statistics/2000")).StatusCode.ShouldBe(System.Net.HttpStatusCode.NotFound);
        using var latest = await app.Client.GetAsync("/statistics");
        latest.Headers.Location!.OriginalString.ShouldBe("/statistics/2021");
    }

    [Theory, BothProviders]
    public async Task In_Chinese_the_metric_and_member_names_are_Chinese(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);

        var page = await app.Client.GetDocumentAsync("/statistics/2021?culture=zh-Hans");

        page.QuerySelector("h1")!.Text().ShouldBe("2021年志愿人员统计");
        page.QuerySelector(".statistic-tile[data-metric='volunteers_deployed'] dt")!.Text().ShouldBe("联合国志愿人员人数");
        using var entities = JsonDocument.Parse(page.GetElementById("entities-chart-data")!.TextContent);
        entities.RootElement.GetProperty("labels").EnumerateArray().Select(l => l.GetString()).ShouldContain("开发署");
    }
}
