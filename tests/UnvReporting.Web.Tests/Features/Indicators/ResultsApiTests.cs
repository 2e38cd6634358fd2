using System.Text.Json;
using UnvReporting.Testing;
using UnvReporting.Web.Platform.Data;
using UnvReporting.Web.Tests.Support;

namespace UnvReporting.Web.Tests.Features.Indicators;

/// <summary>The shapes of API v1 (docs/api.md): property names, order, words and number texts are the contract.</summary>
public class ResultsApiTests
{
    private static readonly string[] ReportOrder2019 =
        ["1.1", "1.2", "1.1.1", "1.1.2", "1.2.1", "1.2.2", "2.1", "2.2", "2.1.1a", "2.1.1b", "2.1.2a", "2.1.2b", "2.2.1", "2.2.2"];

    [Theory, BothProviders]
    public async Task Years_lists_the_published_years_oldest_first_with_framework_and_status(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);

        var years = await app.Client.GetJsonAsync("/api/v1/years");

        years.GetRawText().ShouldBe(Json.Compact("""
            [
              { "year": 2019, "framework": "2018-2021", "status": "published" },
              { "year": 2021, "framework": "2018-2021", "status": "published" }
            ]
            """));
    }

    [Theory, BothProviders]
    public async Task A_draft_year_is_not_listed_and_none_of_its_figures_are_served(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await DraftYear.AddAsync(app);

        var years = await app.Client.GetJsonAsync("/api/v1/years");
        var history = await app.Client.GetJsonAsync($"/api/v1/indicators/{DraftYear.IndicatorKey}");

        years.EnumerateArray().Select(y => y.GetProperty("year").GetInt32()).ShouldBe([2019, 2021]);
        history.GetProperty("years").EnumerateArray().Select(y => y.GetProperty("year").GetInt32()).ShouldBe([2019, 2021]);
        history.GetRawText().ShouldNotContain(DraftYear.Title);
        foreach (var path in new[] { "summary", "indicators", $"indicators/{DraftYear.IndicatorKey}" })
        {
            var response = await app.Client.GetAsync($"/api/v1/years/{DraftYear.Year}/{path}");
            await response.ShouldBeProblemAsync(404);
        }
    }

    [Theory, BothProviders]
    public async Task Summary_of_2019_counts_9_green_5_yellow_0_red_0_grey_overall_and_by_outcome_as_paragraph_3_states(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);

        var summary = await app.Client.GetJsonAsync("/api/v1/years/2019/summary");

        summary.GetRawText().ShouldBe(Json.Compact("""
            {
              "year": 2019, "green": 9, "yellow": 5, "red": 0, "grey": 0, "total": 14,
              "byOutcome": [
                { "outcome": "1", "green": 4, "yellow": 2, "red": 0, "grey": 0, "total": 6 },
                { "outcome": "2", "green": 5, "yellow": 3, "red": 0, "grey": 0, "total": 8 }
              ],
              "stated": { "green": 9, "yellow": 5, "red": 0, "grey": 0, "source": "DP/2020/14 para 3" },
              "matchesStated": true
            }
            """));
    }

    [Theory, BothProviders]
    public async Task Summary_of_2021_matches_the_report_which_does_not_state_grey(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);

        var summary = await app.Client.GetJsonAsync("/api/v1/years/2021/summary");

        summary.GetRawText().ShouldStartWith("""{"year":2021,"green":11,"yellow":2,"red":1,"grey":0,"total":14,""");
        summary.GetProperty("stated").GetRawText().ShouldBe("""{"green":11,"yellow":2,"red":1,"grey":null,"source":"DP/2022/24 para 3"}""");
        summary.GetProperty("matchesStated").GetBoolean().ShouldBeTrue();
    }

    [Theory, BothProviders]
    public async Task Indicators_of_2019_come_in_report_order_with_the_codes_as_printed(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);

        var indicators = (await app.Client.GetJsonAsync("/api/v1/years/2019/indicators")).EnumerateArray().ToList();

        indicators.Select(i => i.GetProperty("key").GetString()).ShouldBe(ReportOrder2019);
        indicators.Select(i => i.GetProperty("code").GetString())
            .ShouldBe(["1.1", "1.2", "1.1.1", "1.1.2", "1.2.1", "1.2.2", "2.1", "2.2", "2.1.1.a", "2.1.1.b", "2.1.2.a", "2.1.2.b", "2.2.1", "2.2.2"]);
    }

    [Theory, BothProviders]
    public async Task An_indicator_year_carries_every_figure_and_writes_numbers_the_same_on_both_databases(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);

        var indicators = await app.Client.GetJsonAsync("/api/v1/years/2019/indicators");

        // The whole item as text: 57827, not 57827.0000 (PostgreSQL's numeric) or 57827.0 (SQLite's REAL).
        var item = indicators.EnumerateArray().Single(i => i.GetProperty("key").GetString() == "2.1.1a");
        item.GetRawText().ShouldBe(Json.Compact("""
            {
              "year": 2019, "framework": "2018-2021", "key": "2.1.1a", "code": "2.1.1.a",
              "level": "output", "outcome": "2", "output": "2.1",
              "title": "Months of volunteering through UNV (onsite)",
              "unit": "months", "direction": "higher", "cumulative": false,
              "target": 57827, "result": 65014, "score": 112.43, "scorePercent": 112,
              "rating": "green", "notRateable": null,
              "publishedScorePercent": 112, "publishedRating": "green", "flags": [],
              "missingDataReason": null
            }
            """));
        var outcomeIndicator = indicators.EnumerateArray().First();
        outcomeIndicator.Raw("level").ShouldBe("\"outcome\"");
        outcomeIndicator.Raw("output").ShouldBe("null");
    }

    [Theory, BothProviders]
    public async Task No_number_in_any_answer_carries_the_trailing_zeros_of_the_database_column(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);

        foreach (var path in new[] { "/api/v1/years/2019/indicators", "/api/v1/years/2021/indicators", "/api/v1/years/2021/indicators/1.2", "/api/v1/indicators/2.2" })
        {
            var numbers = NumbersIn(await app.Client.GetJsonAsync(path)).Select(n => n.Raw).ToList();

            numbers.ShouldNotBeEmpty();
            numbers.Where(n => n.Contains('.', StringComparison.Ordinal) && n.EndsWith('0')).ShouldBeEmpty(path);
        }
    }

    [Theory, BothProviders]
    public async Task Indicators_of_2021_flag_the_three_scores_that_differ_from_the_report_with_both_figures(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);

        var indicators = (await app.Client.GetJsonAsync("/api/v1/years/2021/indicators")).EnumerateArray().ToList();

        var flagged = indicators
            .Where(i => i.GetProperty("flags").GetArrayLength() > 0)
            .ToDictionary(i => i.GetProperty("key").GetString()!, i => i.GetProperty("flags").GetRawText());
        flagged.ShouldBe(new Dictionary<string, string>
        {
            ["1.1"] = """[{"code":"score-differs-from-published","computed":134,"published":126}]""",
            ["1.2"] = """[{"code":"score-differs-from-published","computed":166,"published":139}]""",
            ["1.2.1"] = """[{"code":"score-differs-from-published","computed":84,"published":85}]""",
        });
        var item = indicators.Single(i => i.GetProperty("key").GetString() == "1.2");
        item.Raw("target").ShouldBe("1000000");
        item.Raw("result").ShouldBe("1663729");
        item.Raw("cumulative").ShouldBe("true");
        item.Raw("scorePercent").ShouldBe("166");
        item.Raw("publishedScorePercent").ShouldBe("139");
        item.Raw("rating").ShouldBe("\"green\"");
    }

    [Theory, BothProviders]
    public async Task Titles_and_narratives_are_in_Chinese_when_asked_for_zh_Hans(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);

        var indicators = await app.Client.GetJsonAsync("/api/v1/years/2019/indicators?culture=zh-Hans");
        var detail = await app.Client.GetJsonAsync("/api/v1/years/2019/indicators/2.1.1a?culture=zh-Hans");

        var item = indicators.EnumerateArray().Single(i => i.GetProperty("key").GetString() == "2.1.1a");
        item.GetProperty("title").GetString().ShouldBe("通过联合国志愿人员组织参加志愿服务的月数(现场)");
        item.GetProperty("rating").GetString().ShouldBe("green", "the words of the contract stay English");
        detail.GetProperty("title").GetString().ShouldBe("通过联合国志愿人员组织参加志愿服务的月数(现场)");
        detail.GetProperty("narrative").GetString()!.ShouldStartWith("志愿服务月数由 2018 年的 53 194 个增加 22%");
    }

    [Theory, BothProviders]
    public async Task One_indicator_year_adds_its_narrative_source_and_note(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);

        var detail = await app.Client.GetJsonAsync("/api/v1/years/2021/indicators/2.1.1b");

        detail.PropertyNames().ShouldBe(
        [
            "year", "framework", "key", "code", "level", "outcome", "output", "title", "unit", "direction", "cumulative",
            "target", "result", "score", "scorePercent", "rating", "notRateable", "publishedScorePercent", "publishedRating", "flags",
            "missingDataReason", "narrative", "source", "note",
        ]);
        detail.Raw("key").ShouldBe("\"2.1.1b\"");
        detail.Raw("target").ShouldBe("2357");
        detail.Raw("result").ShouldBe("2551");
        detail.Raw("score").ShouldBe("108.23");
        detail.GetProperty("title").GetString().ShouldBe("Online volunteering opportunities offered through UNV in the year");
        detail.GetProperty("narrative").GetString()!.ShouldStartWith("Demand for online volunteering in the UN system rose 24%");
        detail.GetProperty("source").GetString().ShouldBe("DP/2022/24 output 2.1 table");
        detail.GetProperty("note").GetString().ShouldBe("Paragraph 34 gives 2,546 requests for 2021; the table's result is 2,551.");
    }

    [Theory, BothProviders]
    public async Task One_indicator_year_is_found_by_the_code_as_printed_too(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);

        var detail = await app.Client.GetJsonAsync("/api/v1/years/2019/indicators/2.1.1.a");

        detail.Raw("key").ShouldBe("\"2.1.1a\"");
        detail.Raw("code").ShouldBe("\"2.1.1.a\"");
    }

    [Theory, BothProviders]
    public async Task An_indicator_lists_every_published_year_oldest_first_with_its_definition_then(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);

        var indicator = await app.Client.GetJsonAsync("/api/v1/indicators/1.2");

        indicator.PropertyNames().ShouldBe(["key", "years"]);
        indicator.Raw("key").ShouldBe("\"1.2\"");
        var years = indicator.GetProperty("years").EnumerateArray().ToList();
        years.Select(y => y.Raw("year")).ShouldBe(["2019", "2021"]);
        years.Select(y => y.Raw("cumulative")).ShouldBe(["false", "true"]);
        years.Select(y => y.Raw("target")).ShouldBe(["147500", "1000000"]);
        years.Select(y => y.Raw("result")).ShouldBe(["493811", "1663729"]);
        years.Select(y => y.Raw("scorePercent")).ShouldBe(["335", "166"]);
        years.Select(y => y.GetProperty("flags").GetArrayLength()).ShouldBe([0, 1]);
        years.Select(y => y.GetProperty("source").GetString()).ShouldBe(["DP/2020/14 outcome 1 table", "DP/2022/24 outcome 1 table"]);
        years.ShouldAllBe(y => y.GetProperty("narrative").ValueKind == JsonValueKind.String);
    }

    /// <summary>Every number of a document with the name of the property that holds it.</summary>
    private static IEnumerable<(string Name, string Raw)> NumbersIn(JsonElement element, string name = "") => element.ValueKind switch
    {
        JsonValueKind.Number => [(name, element.GetRawText())],
        JsonValueKind.Array => element.EnumerateArray().SelectMany(e => NumbersIn(e, name)),
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => NumbersIn(p.Value, p.Name)),
        _ => [],
    };

    [Theory, BothProviders]
    public async Task The_language_comes_from_the_query_only_never_from_the_pages_cookie(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var client = app.Factory.CreateClient(new() { HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/years/2019/indicators/2.1.1a");
        request.Headers.Add("Cookie", ".AspNetCore.Culture=c%3Dzh-Hans%7Cuic%3Dzh-Hans");

        using var response = await client.SendAsync(request);
        using var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        json.RootElement.GetProperty("title").GetString().ShouldBe("Months of volunteering through UNV (onsite)");
        response.Headers.Contains("Set-Cookie").ShouldBeFalse();
    }
}
