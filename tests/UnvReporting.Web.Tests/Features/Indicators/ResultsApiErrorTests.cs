using UnvReporting.Testing;
using UnvReporting.Web.Platform.Data;
using UnvReporting.Web.Tests.Support;

namespace UnvReporting.Web.Tests.Features.Indicators;

/// <summary>Every API error is problem-details JSON that says what was wrong, never the HTML error page.</summary>
public class ResultsApiErrorTests
{
    [Theory, BothProviders]
    public async Task An_unknown_year_is_not_found(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);

        foreach (var path in new[] { "/api/v1/years/2030/summary", "/api/v1/years/2030/indicators", "/api/v1/years/2030/indicators/1.1" })
        {
            var problem = await (await app.Client.GetAsync(path)).ShouldBeProblemAsync(404);

            problem.GetProperty("title").GetString().ShouldBe(path.EndsWith("1.1", StringComparison.Ordinal) ? "No such indicator-year" : "No such year", path);
            problem.GetProperty("detail").GetString()!.ShouldContain("2030", customMessage: path);
        }
    }

    [Theory, BothProviders]
    public async Task A_year_that_is_not_a_number_is_a_bad_request(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);

        var response = await app.Client.GetAsync("/api/v1/years/abc/summary");

        var problem = await response.ShouldBeProblemAsync(400);
        problem.GetProperty("detail").GetString().ShouldBe("A parameter of the address is malformed: a year is a whole number such as 2021.");
    }

    [Theory, BothProviders]
    public async Task A_year_out_of_range_is_a_bad_request(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);

        var problem = await (await app.Client.GetAsync("/api/v1/years/99999/indicators")).ShouldBeProblemAsync(400);

        problem.GetProperty("title").GetString().ShouldBe("Invalid year");
        problem.GetProperty("detail").GetString().ShouldBe("A year is between 1970 and 2200 (got 99999).");
    }

    [Theory, BothProviders]
    public async Task A_malformed_indicator_code_is_a_bad_request(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);

        foreach (var path in new[] { "/api/v1/years/2021/indicators/x!y", "/api/v1/indicators/x!y" })
        {
            var problem = await (await app.Client.GetAsync(path)).ShouldBeProblemAsync(400);

            problem.GetProperty("title").GetString().ShouldBe("Invalid indicator code", path);
        }
    }

    [Theory, BothProviders]
    public async Task An_unknown_indicator_is_not_found(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);

        foreach (var path in new[] { "/api/v1/indicators/9.9", "/api/v1/years/2021/indicators/9.9" })
        {
            var problem = await (await app.Client.GetAsync(path)).ShouldBeProblemAsync(404);

            problem.GetProperty("title").GetString().ShouldBe("No such indicator", path);
            problem.GetProperty("detail").GetString().ShouldBe("No published year has an indicator 9.9.", path);
        }
    }

    [Theory, BothProviders]
    public async Task An_unsupported_culture_is_a_bad_request_rather_than_english(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);

        var problem = await (await app.Client.GetAsync("/api/v1/years?culture=xx")).ShouldBeProblemAsync(400);

        problem.GetProperty("title").GetString().ShouldBe("Unsupported culture");
        problem.GetProperty("detail").GetString().ShouldBe("culture must be one of: en, zh-Hans.");
    }

    [Theory, BothProviders]
    public async Task An_unknown_api_address_is_not_found_as_problem_json_not_the_html_page(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);

        var response = await app.Client.GetAsync("/api/v1/nope");

        var problem = await response.ShouldBeProblemAsync(404);
        problem.GetProperty("title").GetString().ShouldBe("Not Found");
    }
}
