using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using UnvReporting.Domain;
using UnvReporting.Domain.Results;
using UnvReporting.Domain.Sources;
using UnvReporting.Domain.Staff;
using UnvReporting.Testing;
using UnvReporting.Web.Platform.Data;
using UnvReporting.Web.Tests.Support;

namespace UnvReporting.Web.Tests.Features.Indicators;

/// <summary>
/// The year table beside the previous reporting year: its result and score, and the verdict of
/// the domain's rule. Seeded, 2021's previous year is 2019 (the reports skip 2020).
/// </summary>
public class YearChangeTests(SeededApps apps) : IClassFixture<SeededApps>
{
    [Theory, BothProviders]
    public async Task A_result_that_rose_reads_better_and_one_that_fell_worse(DatabaseProvider provider)
    {
        var app = await apps.OnAsync(provider);

        var page = await app.Client.GetDocumentAsync("/indicators/2021");

        Previous(page, "1.1").ShouldBe(("2019: 53% (score 118%)", "better", "↑ better"));
        Previous(page, "2.2").ShouldBe(("2019: 54 (score 146%)", "better", "↑ better"));
        Previous(page, "1.2.2").ShouldBe(("2019: 87 (score 116%)", "worse", "↓ worse"));
        Cell(page, "1.1").QuerySelector(".change-arrow")!.GetAttribute("aria-hidden").ShouldBe("true", "the word, not the glyph, is read out");
        Cell(page, "1.1").GetAttribute("data-label").ShouldBe("Previous year");
        page.QuerySelectorAll("thead th").Select(h => h.Text()).ShouldContain("Previous year");
    }

    [Theory, BothProviders]
    public async Task A_definition_changed_since_the_previous_year_gives_no_verdict_but_a_link_to_the_change(DatabaseProvider provider)
    {
        var app = await apps.OnAsync(provider);

        var page = await app.Client.GetDocumentAsync("/indicators/2021");

        // 1.2 became cumulative at the mid-term review; 2.1.1b went from months to a count.
        foreach (var key in new[] { "1.2", "2.1.1b" })
        {
            var (_, verdict, text) = Previous(page, key);
            verdict.ShouldBe("definition-changed", key);
            text.ShouldBe("definition changed", key);
            Cell(page, key).QuerySelector("a.change")!.GetAttribute("href").ShouldBe($"/indicators/2021/{key}#year-2021");
            Cell(page, key).QuerySelector(".change-arrow").ShouldBeNull(key);
        }
    }

    [Theory, BothProviders]
    public async Task The_change_reads_in_Chinese(DatabaseProvider provider)
    {
        var app = await apps.OnAsync(provider);

        var page = await app.Client.GetDocumentAsync("/indicators/2021?culture=zh-Hans");

        Previous(page, "1.1").ShouldBe(("2019年：53% （得分118%）", "better", "↑ 更好"));
        Previous(page, "1.2.2").Text.ShouldBe("↓ 更差");
        Previous(page, "1.2").Text.ShouldBe("定义已变更");
        Cell(page, "1.1").GetAttribute("data-label").ShouldBe("上一报告年度");
    }

    [Theory, BothProviders]
    public async Task The_first_year_has_no_previous_year_column(DatabaseProvider provider)
    {
        var app = await apps.OnAsync(provider);

        var page = await app.Client.GetDocumentAsync("/indicators/2019");

        page.QuerySelectorAll("td.previous").ShouldBeEmpty();
        page.QuerySelectorAll("thead th").Select(h => h.Text()).ShouldNotContain("Previous year");
    }

    [Theory, BothProviders]
    public async Task A_lower_is_better_result_that_fell_reads_better(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await app.Services.SaveAsync(async db =>
        {
            var framework = await db.Frameworks.SingleAsync(f => f.Code == "2018-2021");
            var outcome = await db.ResultAreas.SingleAsync(a => a.FrameworkId == framework.Id && a.Code == "2");
            var indicator = new Indicator(framework.Id, "2.9", outcome, 90);
            db.Indicators.Add(indicator);
            foreach (var (year, result) in new[] { (2019, 30m), (2021, 20m) })
            {
                db.IndicatorYears.Add(new IndicatorYear(
                    indicator, year, "2.9", new IndicatorDefinition("Working days to deploy a volunteer", "派遣一名志愿人员所需工作日", Unit.WorkingDays, false, Direction.LowerIsBetter),
                    25, result, new SourceReference("DP/2022/24", "test table")));
            }
        });

        var page = await app.Client.GetDocumentAsync("/indicators/2021");

        Previous(page, "2.9").ShouldBe(("2019: 30 days (score 83%)", "better", "↓ better"));
    }

    [Theory, BothProviders]
    public async Task A_draft_previous_year_is_shown_to_staff_only(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await DraftYear.AddAsync(app);
        using var viewer = await app.SignedInAsync(StaffRole.Viewer);

        var visitor = await app.Client.GetDocumentAsync("/indicators/2021");
        var staff = await viewer.GetDocumentAsync("/indicators/2021");

        Previous(visitor, DraftYear.IndicatorKey).ShouldBe(("2019: 53% (score 118%)", "better", "↑ better"));
        visitor.QuerySelectorAll(".previous-figures").Select(f => f.Text()).ShouldAllBe(f => !f.StartsWith("2020", StringComparison.Ordinal));
        Previous(staff, DraftYear.IndicatorKey).ShouldBe(("2020: 40% (score 80%)", "definition-changed", "definition changed"));
    }

    private static IElement Cell(IDocument page, string key) => page.QuerySelector($"tr.indicator-row[data-key='{key}'] td.previous")!;

    /// <summary>The previous year's figures, the verdict's wire word and the verdict as read.</summary>
    private static (string Figures, string? Verdict, string Text) Previous(IDocument page, string key)
    {
        var cell = Cell(page, key);
        var change = cell.QuerySelector(".change")!;
        return (cell.QuerySelector(".previous-figures")!.Text(), change.GetAttribute("data-change"), change.Text());
    }
}
