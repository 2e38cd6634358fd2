using UnvReporting.Domain.Reporting;
using UnvReporting.Testing;
using UnvReporting.Web.Features.Staff.Years.Import;
using UnvReporting.Web.Platform.Data;
using UnvReporting.Web.Platform.Data.Auditing;
using UnvReporting.Web.Tests.Support;

namespace UnvReporting.Web.Tests.Features;

public class IndexTests
{
    [Theory, BothProviders]
    public async Task Lists_the_published_years_newest_first_with_framework_and_report(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);

        var page = await app.Client.GetDocumentAsync("/");

        var cards = page.QuerySelectorAll(".year-card");
        cards.Select(c => c.GetAttribute("data-year")).ShouldBe(["2021", "2019"]);
        var year2019 = cards[1].Text();
        year2019.ShouldContain("Framework 2018-2021");
        year2019.ShouldContain("Reported in DP/2020/14");
        year2019.ShouldContain("Indicators 14");
        year2019.ShouldContain("9 green, 5 yellow, 0 red, 0 grey (DP/2020/14 para 3)");
        cards[0].Text().ShouldContain("11 green, 2 yellow, 1 red (DP/2022/24 para 3)");
    }

    [Theory, BothProviders]
    public async Task Lists_the_frameworks_with_their_bands_and_the_2025_ambitions(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);

        var page = await app.Client.GetDocumentAsync("/");

        var rows = page.QuerySelectorAll(".frameworks-table tbody tr").Select(r => r.Text()).ToList();
        rows.Count.ShouldBe(2);
        rows[0].ShouldStartWith("2018-2021 DP/2018/6 green from 100% of the milestone, yellow from 60%");
        rows[1].ShouldStartWith("2022-2025 DP/2022/11");
        page.Body!.Text().ShouldContain("Deploy 50% more UN Volunteers.");
        page.Body!.Text().ShouldContain("DP/2022/24: United Nations Volunteers: report of the Administrator");
    }

    [Theory, BothProviders]
    public async Task A_year_that_is_not_published_is_not_listed(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await using (var scope = app.CreateDbScope())
        {
            var framework = scope.Db.Frameworks.Single(f => f.Code == "2018-2021");
            scope.Db.ReportingYears.Add(new ReportingYear(framework, 2020, ReportingStatus.Draft, null, null));
            await scope.Db.SaveAuditedAsync(StaffActor.System, null, DateTimeOffset.UtcNow);
        }

        var page = await app.Client.GetDocumentAsync("/");

        page.QuerySelectorAll(".year-card").Select(c => c.GetAttribute("data-year")).ShouldBe(["2021", "2019"]);
    }

    [Fact]
    public async Task Says_so_when_no_year_is_published()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite, new Dictionary<string, string> { ["Database:LoadReferenceData"] = "false" });

        var page = await app.Client.GetDocumentAsync("/");

        page.QuerySelectorAll(".year-card").ShouldBeEmpty();
        page.Body!.Text().ShouldContain("No reporting year has been published yet.");
    }
}
