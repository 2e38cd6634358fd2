using UnvReporting.Domain.Staff;
using UnvReporting.Testing;
using UnvReporting.Web.Platform.Data;
using UnvReporting.Web.Tests.Support;

namespace UnvReporting.Web.Tests.Features.Staff.Years;

/// <summary>IndicatorEntry: the one save path of the entry page and the write API.</summary>
public class IndicatorEntryTests
{
    private static readonly string[] Keys = ["1.1", "1.2", "1.1.1", "1.1.2", "1.2.1", "1.2.2", "2.1", "2.2"];

    [Theory, BothProviders]
    public async Task Editors_saving_different_indicators_of_one_year_at_once_all_succeed(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var token = await app.TokenForAsync(StaffRole.Approver);
        var versions = new Dictionary<string, string>();
        foreach (var key in Keys)
        {
            versions[key] = await app.VersionOfAsync(2021, key, token);
        }

        // Every save holds the year, so saves that run together collide on it; they are tried
        // again rather than refused, since none of them overwrote another.
        var answers = await Task.WhenAll(Keys.Select(key => app.PutJsonAsync(
            $"/api/v1/years/2021/indicators/{key}", $$"""{"result":42,"reason":"Parallel saves.","version":"{{versions[key]}}"}""", token)));

        var refused = answers.Where(a => (int)a.StatusCode != 200).Select(a => $"{(int)a.StatusCode} {a.Content.ReadAsStringAsync().Result}").ToList();
        refused.ShouldBeEmpty();
        foreach (var key in Keys)
        {
            (await app.GetJsonAsync($"/api/v1/years/2021/indicators/{key}", token)).GetProperty("result").GetDecimal().ShouldBe(42m, key);
        }
    }
}
