using UnvReporting.Testing;
using UnvReporting.Web.Features.Staff.Years.Import;
using UnvReporting.Web.Platform.Data;
using UnvReporting.Web.Tests.Support;

namespace UnvReporting.Web.Tests.Features.Statistics;

public class CompareTests
{
    [Theory, BothProviders]
    public async Task Shows_each_statistic_of_both_years_side_by_side_with_sources_and_the_change(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);

        var page = await app.Client.GetDocumentAsync("/statistics/compare?a=2019&b=2021");

        page.QuerySelector("h1")!.Text().ShouldBe("Compare 2019 and 2021");
        var rows = page.QuerySelectorAll(".compare-table tbody tr").Select(r => r.Text()).ToList();
        rows.ShouldContain("UN Volunteers deployed 8,282 DP/2020/14 para 19 10,921 DP/2022/24 para 14 +31.9%");
        rows.ShouldContain("Women 51% DP/2020/14 para 37 53% DP/2022/24 para 32 +2 points");
        rows.ShouldContain("UN Volunteers by host UNDP 2,671 DP/2020/14 para 24 3,173 DP/2022/24 para 16 +18.8%");
        // A figure only one year has is shown with an empty cell for the other year, and no change.
        rows.ShouldContain("UN Volunteers by host UNHCR 981 DP/2022/24 para 19");
    }

    [Theory, BothProviders]
    public async Task Without_years_the_latest_two_published_years_are_compared_and_a_draft_year_shows_only_what_reports_print(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await DraftYear.AddAsync(app);

        var page = await app.Client.GetDocumentAsync("/statistics/compare");

        page.QuerySelector("h1")!.Text().ShouldBe("Compare 2019 and 2021");
        (await app.Client.GetDocumentAsync("/statistics/compare?b=2021")).QuerySelector("h1")!.Text().ShouldBe("Compare 2019 and 2021");
        var draft = await app.Client.GetDocumentAsync("/statistics/compare?a=2020&b=2021");
        draft.QuerySelectorAll(".compare-table tbody tr").Select(r => r.Text())
            .ShouldContain(r => r.StartsWith("Financial value of UNV activities USD 237.4 million DP/2022/24 para 39", StringComparison.Ordinal));
    }
}
