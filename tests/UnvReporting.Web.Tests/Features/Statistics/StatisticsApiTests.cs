using System.Text.Json;
using UnvReporting.Domain.Staff;
using UnvReporting.Testing;
using UnvReporting.Web.Platform.Data;
using UnvReporting.Web.Tests.Support;

namespace UnvReporting.Web.Tests.Features.Statistics;

public class StatisticsApiTests
{
    private static async Task<JsonElement> JsonAsync(HttpClient client, string path, int status = 200)
    {
        using var response = await client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        ((int)response.StatusCode).ShouldBe(status, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    [Theory, BothProviders]
    public async Task A_years_statistics_are_tidy_facts_in_the_documented_shape(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);

        var facts = await JsonAsync(app.Client, "/api/v1/years/2019/statistics");

        facts.GetArrayLength().ShouldBe(86);
        var deployed = facts.EnumerateArray().Single(f => f.GetProperty("metric").GetString() == "volunteers_deployed" && f.GetProperty("dimension").ValueKind == JsonValueKind.Null);
        deployed.GetRawText().ShouldBe("""{"year":2019,"metric":"volunteers_deployed","dimension":null,"member":null,"value":8282,"unit":"count","qualifier":"exact","source":"DP/2020/14 para 19","note":null}""");
        facts.EnumerateArray().ShouldContain(f => f.GetProperty("metric").GetString() == "deployments"
            && f.GetProperty("dimension").GetString() == "entity" && f.GetProperty("member").GetString() == "UNDP");
    }

    [Theory, BothProviders]
    public async Task A_metric_across_years_includes_the_history_the_reports_give(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);

        var metric = await JsonAsync(app.Client, "/api/v1/statistics/volunteers_deployed");

        metric.GetProperty("unit").GetString().ShouldBe("count");
        var totals = metric.GetProperty("facts").EnumerateArray().Where(f => f.GetProperty("dimension").ValueKind == JsonValueKind.Null)
            .Select(f => (f.GetProperty("year").GetInt32(), f.GetProperty("value").GetDecimal(), f.GetProperty("qualifier").GetString())).ToList();
        totals.ShouldBe([(1980, 600m, "more-than"), (1995, 1800m, "approximate"), (2019, 8282m, "exact"), (2021, 10921m, "exact")]);
        (await JsonAsync(app.Client, "/api/v1/statistics/volunteers_deployed?culture=zh-Hans")).GetProperty("name").GetString()
            .ShouldNotBe(metric.GetProperty("name").GetString());
    }

    [Theory, BothProviders]
    public async Task Facts_entered_for_a_draft_year_are_for_staff_only_and_its_printed_facts_stay_public(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await OpenedYears.AddAsync(app, 2020, Domain.Reporting.ReportingStatus.Draft);
        var token = await app.TokenForAsync(StaffRole.Viewer);

        // The 8 figures DP/2022/24 prints of 2020, not the one entered for the draft.
        var visitor = await JsonAsync(app.Client, "/api/v1/years/2020/statistics");
        visitor.GetArrayLength().ShouldBe(8);
        visitor.EnumerateArray().ShouldAllBe(f => f.GetProperty("source").GetString()!.StartsWith("DP/2022/24 "));
        (await JsonAsync(app.Client, "/api/v1/statistics/volunteers_deployed")).GetProperty("facts").EnumerateArray()
            .ShouldNotContain(f => f.GetProperty("year").GetInt32() == 2020);

        (await app.GetJsonAsync("/api/v1/years/2020/statistics", token)).GetArrayLength().ShouldBe(9);
        (await app.GetJsonAsync("/api/v1/statistics/volunteers_deployed", token)).GetProperty("facts").EnumerateArray()
            .ShouldContain(f => f.GetProperty("year").GetInt32() == 2020 && f.GetProperty("value").GetDecimal() == OpenedYears.Volunteers);
    }

    [Theory, BothProviders]
    public async Task Without_a_draft_the_comparison_figures_of_other_years_are_public(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);

        (await JsonAsync(app.Client, "/api/v1/years/2020/statistics")).GetArrayLength().ShouldBe(8);
        (await JsonAsync(app.Client, "/api/v1/years/2018/statistics")).GetArrayLength().ShouldBe(14);
    }

    [Theory]
    [InlineData("/api/v1/years/1990/statistics", 404, "There are no statistics for 1990.")]
    [InlineData("/api/v1/years/3000/statistics", 400, null)]
    [InlineData("/api/v1/statistics/no_such_metric", 404, "There is no metric 'no_such_metric'. The metric keys are listed in docs/data-model.md.")]
    [InlineData("/api/v1/statistics/Volunteers-Deployed", 400, "Metric key 'Volunteers-Deployed' must be lower-case words joined by underscores, like volunteers_deployed.")]
    [InlineData("/api/v1/years/2019/statistics?culture=fr", 400, null)]
    public async Task Bad_requests_get_problem_details(string path, int status, string? detail)
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite);

        var problem = await JsonAsync(app.Client, path, status);

        problem.GetProperty("status").GetInt32().ShouldBe(status);
        if (detail is not null)
        {
            problem.GetProperty("detail").GetString().ShouldBe(detail);
        }
    }
}
