using System.Net;
using Microsoft.EntityFrameworkCore;
using UnvReporting.Domain;
using UnvReporting.Domain.Staff;
using UnvReporting.Testing;
using UnvReporting.Web.Platform.Data;
using UnvReporting.Web.Tests.Support;

namespace UnvReporting.Web.Tests.Features.Admin.Frameworks;

/// <summary>What a framework imported from its spreadsheet gives the rest of the cycle: the year it opens and its page.</summary>
public class FrameworkPlanTests
{
    [Theory, BothProviders]
    public async Task Opening_a_year_of_a_planned_framework_starts_every_indicator_with_its_plan(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await FrameworkFiles.CreateFrameworkAsync(app);
        using (var admin = await app.SignedInAsync(StaffRole.Admin))
        {
            await admin.ImportAsync(FrameworkFiles.Code, FrameworkFiles.Workbook(), "framework.xlsx");
        }

        using var editor = await app.SignedInAsync(StaffRole.Editor);
        var response = await editor.PostFormAsync(app.Url.NewYear, new Dictionary<string, string>
        {
            ["Input.FrameworkCode"] = FrameworkFiles.Code,
            ["Input.Year"] = "2031",
            ["Input.ReportSymbol"] = string.Empty,
            ["Input.StartFromPrevious"] = "true",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        (await editor.GetDocumentAsync(app.Url.Staff)).QuerySelector(".alert-info")!.Text()
            .ShouldContain("with the 20 indicators of the 2030-2033 framework: 20 with the framework's definition and planned milestone");
        await using var scope = app.CreateDbScope();
        var rows = await scope.Db.IndicatorYears.Include(iy => iy.Indicator).Where(iy => iy.Year == 2031).ToListAsync();
        rows.Count.ShouldBe(20);
        for (var i = 0; i < 20; i++)
        {
            var row = rows.Single(r => r.Indicator.Key == FrameworkFiles.Key(i));
            row.CodeAsPublished.ShouldBe(FrameworkFiles.Key(i));
            row.Definition.Unit.ShouldBe(FrameworkFiles.IsPercent(i) ? Unit.Percent : Unit.Count);
            row.Definition.TitleZh.ShouldBe($"指标{FrameworkFiles.Key(i)}");
            row.Milestone.ShouldBe(FrameworkFiles.Milestone(i, 2031));
            row.Result.ShouldBeNull();
        }
    }

    [Theory, BothProviders]
    public async Task The_framework_page_shows_the_plans_baseline_and_measures_progress_to_its_end_target(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await FrameworkFiles.CreateFrameworkAsync(app);
        using var admin = await app.SignedInAsync(StaffRole.Admin);
        await admin.ImportAsync(FrameworkFiles.Code, FrameworkFiles.Workbook(), "framework.xlsx");
        await admin.PostFormAsync(app.Url.NewYear, new Dictionary<string, string>
        {
            ["Input.FrameworkCode"] = FrameworkFiles.Code,
            ["Input.Year"] = "2030",
            ["Input.ReportSymbol"] = string.Empty,
            ["Input.StartFromPrevious"] = "true",
        });
        await using (var scope = app.CreateDbScope())
        {
            var row = await scope.Db.IndicatorYears.Include(iy => iy.Indicator).SingleAsync(iy => iy.Year == 2030 && iy.Indicator.Key == "1.1.1");
            row.Enter(row.Milestone, 65, null, null);
            await scope.Db.SaveAuditedAsync(Web.Platform.Data.Auditing.StaffActor.System, null, DateTimeOffset.UtcNow);
        }

        // No 2033 year is open: without the plan there would be no end target at all.
        var page = await admin.GetDocumentAsync($"/frameworks/{FrameworkFiles.Code}");

        var line = page.QuerySelector("tr[data-key='1.1.1']").ShouldNotBeNull();
        line.QuerySelector(".end-target")!.Text().ShouldBe("130");
        line.QuerySelector(".baseline")!.Text().ShouldBe("Baseline: 90 (2029)");
        line.GetAttribute("data-rating").ShouldBe("red");
    }

    [Theory, BothProviders]
    public async Task A_new_framework_starts_from_chosen_continuing_indicators_of_an_earlier_one_without_their_figures(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await FrameworkFiles.CreateFrameworkAsync(app);
        using var admin = await app.SignedInAsync(StaffRole.Admin);
        var start = app.Url.Page("/Admin/Frameworks/Start", new { code = FrameworkFiles.Code });
        (await admin.GetDocumentAsync($"{start}?from=2018-2021")).QuerySelectorAll("#picks tbody tr").Length.ShouldBe(14);

        var response = await admin.PostFormAsync(start, new Dictionary<string, string>
        {
            ["From"] = "2018-2021",
            ["Picks[0].SourceKey"] = "1.1",
            ["Picks[0].Continue"] = "true",
            ["Picks[0].NewKey"] = "1.1",
            ["Picks[0].AreaCode"] = "1",
            ["Picks[1].SourceKey"] = "1.1.1",
            ["Picks[1].Continue"] = "true",
            ["Picks[1].NewKey"] = "1.1.9",
            ["Picks[1].AreaCode"] = "1.1",
            ["Picks[2].SourceKey"] = "1.2",
            ["Picks[2].NewKey"] = "1.2",
            ["Picks[2].AreaCode"] = "1",
        }, $"{start}?from=2018-2021");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        await using var scope = app.CreateDbScope();
        var framework = await scope.Db.Frameworks.SingleAsync(f => f.Code == FrameworkFiles.Code);
        var copied = await scope.Db.Indicators.Include(i => i.Area).ThenInclude(a => a.Parent).Include(i => i.Milestones)
            .Where(i => i.FrameworkId == framework.Id).ToListAsync();
        copied.Select(i => (i.Key, i.Area.Code, i.Area.Parent?.Code)).ShouldBe([("1.1", "1", null), ("1.1.9", "1.1", "1")], ignoreOrder: true);
        var latest = await scope.Db.IndicatorYears.Where(iy => iy.Year == 2021 && iy.Indicator.Key == "1.1.1").Select(iy => iy.Definition).SingleAsync();
        copied.Single(i => i.Key == "1.1.9").Definition.ShouldBe(latest);
        copied.ShouldAllBe(i => i.Milestones.Count == 0 && i.BaselineValue == null && i.EndTarget == null);
        (await scope.Db.IndicatorYears.CountAsync(iy => iy.Indicator.FrameworkId == framework.Id)).ShouldBe(0);
        (await scope.Db.AuditEntries.CountAsync(a => a.Reason == "Started from framework 2018-2021")).ShouldBe(4);
    }

    [Theory, BothProviders]
    public async Task Starting_from_an_earlier_framework_refuses_a_key_the_new_one_has_and_copies_nothing(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await FrameworkFiles.CreateFrameworkAsync(app);
        using var admin = await app.SignedInAsync(StaffRole.Admin);
        var start = app.Url.Page("/Admin/Frameworks/Start", new { code = FrameworkFiles.Code });

        var response = await admin.PostFormAsync(start, new Dictionary<string, string>
        {
            ["From"] = "2018-2021",
            ["Picks[0].SourceKey"] = "1.1",
            ["Picks[0].Continue"] = "true",
            ["Picks[0].NewKey"] = "1.1",
            ["Picks[1].SourceKey"] = "1.2",
            ["Picks[1].Continue"] = "true",
            ["Picks[1].NewKey"] = "1.1",
        }, $"{start}?from=2018-2021");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.DocumentAsync()).QuerySelector("#start-errors")!.Text().ShouldContain("Indicator 1.1 is in 2030-2033 already (or chosen twice).");
        await using var scope = app.CreateDbScope();
        (await scope.Db.Indicators.CountAsync(i => scope.Db.Frameworks.Any(f => f.Id == i.FrameworkId && f.Code == FrameworkFiles.Code))).ShouldBe(0);
        (await scope.Db.ResultAreas.CountAsync(a => scope.Db.Frameworks.Any(f => f.Id == a.FrameworkId && f.Code == FrameworkFiles.Code))).ShouldBe(0);
    }
}
