using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using UnvReporting.Domain;
using UnvReporting.Domain.Results;
using UnvReporting.Domain.Staff;
using UnvReporting.Testing;
using UnvReporting.Web.Platform.Data;
using UnvReporting.Web.Tests.Features.Staff.Years.Import;
using UnvReporting.Web.Tests.Support;

namespace UnvReporting.Web.Tests.Features.Admin.Frameworks;

public class FrameworkImportTests
{
    [Theory, BothProviders]
    public async Task A_four_year_framework_with_20_indicators_is_built_from_one_workbook(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await FrameworkFiles.CreateFrameworkAsync(app);
        using var admin = await app.SignedInAsync(StaffRole.Admin);

        var page = await admin.ImportAsync(FrameworkFiles.Code, FrameworkFiles.Workbook(), "framework.xlsx");

        page.QuerySelector("#import-message")!.Text().ShouldContain("27 rows changed");
        await ShouldHoldTheFrameworkAsync(app);
    }

    [Theory, BothProviders]
    public async Task A_four_year_framework_with_20_indicators_is_built_from_one_csv_file(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await FrameworkFiles.CreateFrameworkAsync(app);
        using var admin = await app.SignedInAsync(StaffRole.Admin);

        var page = await admin.ImportAsync(FrameworkFiles.Code, FrameworkFiles.Csv(), "framework.csv");

        page.QuerySelector("#import-message")!.Text().ShouldContain("27 rows changed");
        await ShouldHoldTheFrameworkAsync(app);
    }

    [Theory, BothProviders]
    public async Task Its_templates_come_back_filled_and_an_untouched_one_changes_nothing(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await FrameworkFiles.CreateFrameworkAsync(app);
        using var admin = await app.SignedInAsync(StaffRole.Admin);
        await admin.ImportAsync(FrameworkFiles.Code, FrameworkFiles.Workbook(), "framework.xlsx");
        var audit = await AuditCountAsync(app);

        var xlsx = await admin.Client.GetByteArrayAsync(app.Url.FrameworkTemplate(FrameworkFiles.Code, "xlsx"));
        var csv = await admin.Client.GetByteArrayAsync(app.Url.FrameworkTemplate(FrameworkFiles.Code, "csv"));

        var indicators = Workbooks.ReadSheet(xlsx, "Indicators");
        indicators[0].ShouldBe([.. FrameworkFiles.IndicatorHeader, "Version"]);
        indicators.Count.ShouldBe(21);
        var row = indicators.Single(r => r[0] == "1.2.1");
        row[..^1].ShouldBe(["1.2.1", "1.2", "Indicator 1.2.1", "指标1.2.1", "percent", "higher", "no", "35", "2029", "40", "45", "50", "55", "55", "UNV administrative data", "2"]);
        row[^1].ShouldBe(await IndicatorVersionAsync(app, "1.2.1"));
        var areas = Workbooks.ReadSheet(xlsx, "Result areas");
        areas[0].ShouldBe([.. FrameworkFiles.AreaHeader, "Version"]);
        areas.Skip(1).Select(r => r[0]).ShouldBe(["1", "2", "IE", "1.1", "1.2", "2.1", "2.2"]);
        Encoding.UTF8.GetString(csv).ShouldStartWith("\uFEFFType,Code,Parent,Title EN,Title ZH,Order,Key,Result area,Unit,Direction,Is cumulative,Baseline,Baseline year,Milestone 2030");
        foreach (var (file, name) in new[] { (xlsx, "untouched.xlsx"), (csv, "untouched.csv") })
        {
            var upload = await admin.UploadAsync(FrameworkFiles.Code, file, name);
            var body = await upload.Content.ReadAsStringAsync();
            upload.StatusCode.ShouldBe(HttpStatusCode.OK, body);
            (await upload.DocumentAsync()).QuerySelector("#upload-no-changes").ShouldNotBeNull(body);
        }

        (await AuditCountAsync(app)).ShouldBe(audit);
    }

    [Theory, BothProviders]
    public async Task A_file_with_one_bad_row_writes_nothing_and_names_that_row(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await FrameworkFiles.CreateFrameworkAsync(app);
        using var admin = await app.SignedInAsync(StaffRole.Admin);

        // Indicator 1.2.2 (the 8th indicator, row 9) is a percent: 140 is out of range.
        var file = FrameworkFiles.Workbook(rows =>
        {
            rows[7][10] = 140m;
            return rows;
        });
        var upload = await admin.UploadAsync(FrameworkFiles.Code, file, "framework.xlsx");

        upload.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await upload.DocumentAsync();
        var errors = page.QuerySelectorAll("#import-errors tbody tr").ToList();
        var error = errors.ShouldHaveSingleItem();
        error.GetAttribute("data-row").ShouldBe("9");
        error.GetAttribute("data-column").ShouldBe("Milestone 2031");
        error.Text().ShouldContain("between 0 and 100");
        page.QuerySelector("#upload-errors-summary")!.Text().ShouldContain("Nothing was imported");
        await using var scope = app.CreateDbScope();
        (await scope.Db.ResultAreas.CountAsync(a => scope.Db.Frameworks.Any(f => f.Id == a.FrameworkId && f.Code == FrameworkFiles.Code))).ShouldBe(0);
        (await scope.Db.Indicators.CountAsync(i => scope.Db.Frameworks.Any(f => f.Id == i.FrameworkId && f.Code == FrameworkFiles.Code))).ShouldBe(0);
        (await scope.Db.PendingImports.CountAsync()).ShouldBe(0);
    }

    [Theory, BothProviders]
    public async Task Chinese_headers_are_written_for_a_chinese_reader_and_read_back(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await FrameworkFiles.CreateFrameworkAsync(app);
        using var admin = await app.SignedInAsync(StaffRole.Admin);
        await admin.ImportAsync(FrameworkFiles.Code, FrameworkFiles.Workbook(), "framework.xlsx");

        var xlsx = await admin.Client.GetByteArrayAsync(app.Url.FrameworkTemplate(FrameworkFiles.Code, "xlsx") + "?culture=zh-Hans");
        var header = Workbooks.ReadSheet(xlsx, "Indicators")[0];
        header.ShouldContain("英文标题");
        header.ShouldContain("2031年里程碑");

        // A Chinese template with a changed end target: the change is read through the Chinese
        // headers, and the reader, Chinese since the template's ?culture=, is told so in Chinese.
        var changed = Workbooks.SetCell(xlsx, "Indicators", "N2", 999m);
        (await admin.ImportAsync(FrameworkFiles.Code, changed, "框架.xlsx")).QuerySelector("#import-message")!.Text().ShouldContain("更改了 1 行");
        await using var scope = app.CreateDbScope();
        var first = Workbooks.ReadSheet(xlsx, "Indicators")[1][0];
        (await scope.Db.Indicators.SingleAsync(i => i.Key == first && scope.Db.Frameworks.Any(f => f.Id == i.FrameworkId && f.Code == FrameworkFiles.Code)))
            .EndTarget.ShouldBe(999m);
    }

    [Theory, BothProviders]
    public async Task Only_admins_reach_the_template_and_the_upload(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var editor = await app.SignedInAsync(StaffRole.Editor);

        await (await editor.GetAsync(app.Url.FrameworkTemplate("2018-2021", "xlsx"))).ShouldBeForbiddenAsync();
        await (await editor.GetAsync(app.Url.FrameworkTemplate("2018-2021", "csv"))).ShouldBeForbiddenAsync();
        await (await editor.GetAsync(app.Url.FrameworkImport("2018-2021"))).ShouldBeForbiddenAsync();
        using var form = new MultipartFormDataContent
        {
            { new StringContent(await editor.AntiforgeryTokenAsync("/staff")), HtmlForms.AntiforgeryField },
            { new ByteArrayContent(FrameworkFiles.Csv()), "file", "framework.csv" },
        };
        await (await editor.PostAsync(app.Url.Page("/Admin/Frameworks/Import/Index", "Upload", new { code = "2018-2021" }), form)).ShouldBeForbiddenAsync();
    }

    [Theory, BothProviders]
    public async Task Text_that_looks_like_a_formula_is_stored_as_text_and_guarded_in_the_csv_template(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await FrameworkFiles.CreateFrameworkAsync(app);
        using var admin = await app.SignedInAsync(StaffRole.Admin);
        const string Formula = "=HYPERLINK(\"http://example.org\",\"click\")";
        var file = FrameworkFiles.Workbook(rows =>
        {
            rows[0][2] = Formula;
            rows[0][14] = "+1 from the field offices";
            return rows;
        });

        await admin.ImportAsync(FrameworkFiles.Code, file, "framework.xlsx");

        await using (var scope = app.CreateDbScope())
        {
            var indicator = await scope.Db.Indicators.SingleAsync(i => i.Key == "1.1.1" && scope.Db.Frameworks.Any(f => f.Id == i.FrameworkId && f.Code == FrameworkFiles.Code));
            indicator.Definition!.TitleEn.ShouldBe(Formula);
            indicator.DataSource.ShouldBe("+1 from the field offices");
        }

        var csv = Encoding.UTF8.GetString(await admin.Client.GetByteArrayAsync(app.Url.FrameworkTemplate(FrameworkFiles.Code, "csv")));
        csv.ShouldContain("\"'=HYPERLINK(\"\"http://example.org\"\",\"\"click\"\")\"");
        csv.ShouldContain("'+1 from the field offices");
        var untouched = await admin.UploadAsync(FrameworkFiles.Code, Encoding.UTF8.GetBytes(csv), "untouched.csv");
        (await untouched.DocumentAsync()).QuerySelector("#upload-no-changes").ShouldNotBeNull();
    }

    [Theory, BothProviders]
    public async Task A_template_read_before_another_change_to_its_row_is_refused_and_writes_nothing(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var admin = await app.SignedInAsync(StaffRole.Admin);
        var (template, header) = await ImportedWithTemplateAsync(app, admin);
        string Cell(string column, int row) => $"{(char)('A' + header.IndexOf(column))}{row}";

        // Someone else changes only the 2031 milestone of the first indicator (row 2), through a
        // fresh template; milestones are rows of their own, and still the indicator's version moves.
        await admin.ImportAsync(FrameworkFiles.Code, Workbooks.SetCell(template, "Indicators", Cell("Milestone 2031", 2), 777m), "theirs.xlsx");
        var audit = await AuditCountAsync(app);

        var stale = Workbooks.SetCell(template, "Indicators", Cell("End target", 2), 999m);
        var upload = await admin.UploadAsync(FrameworkFiles.Code, stale, "mine.xlsx");

        var body = await upload.Content.ReadAsStringAsync();
        upload.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        var error = (await upload.DocumentAsync()).QuerySelectorAll("#import-errors tbody tr").ShouldHaveSingleItem();
        error.GetAttribute("data-row").ShouldBe("2");
        error.GetAttribute("data-column").ShouldBe("Version");
        error.Text().ShouldContain("changed since the template was downloaded");
        await using var scope = app.CreateDbScope();
        var key = Workbooks.ReadSheet(template, "Indicators")[1][0];
        var first = await scope.Db.Indicators.Include(i => i.Milestones)
            .SingleAsync(i => i.Key == key && scope.Db.Frameworks.Any(f => f.Id == i.FrameworkId && f.Code == FrameworkFiles.Code));
        first.EndTarget.ShouldNotBe(999m);
        first.Milestones.Single(m => m.Year == 2031).Value.ShouldBe(777m);
        (await AuditCountAsync(app)).ShouldBe(audit);
    }

    [Theory, BothProviders]
    public async Task An_unchanged_row_of_an_old_template_and_a_file_without_versions_still_import(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var admin = await app.SignedInAsync(StaffRole.Admin);
        var (template, header) = await ImportedWithTemplateAsync(app, admin);
        var endTarget = $"{(char)('A' + header.IndexOf("End target"))}";
        await admin.ImportAsync(FrameworkFiles.Code, Workbooks.SetCell(template, "Indicators", endTarget + "2", 999m), "theirs.xlsx");

        // The old template gives the row someone else changed as it is now, so that row is no
        // change and its old version does not matter; the other row it changes is saved.
        var mine = Workbooks.SetCell(Workbooks.SetCell(template, "Indicators", endTarget + "2", 999m), "Indicators", endTarget + "3", 888m);
        (await admin.ImportAsync(FrameworkFiles.Code, mine, "mine.xlsx")).QuerySelector("#import-message")!.Text().ShouldContain("1 row changed");
        var (first, second) = (Workbooks.ReadSheet(template, "Indicators")[1][0], Workbooks.ReadSheet(template, "Indicators")[2][0]);
        (await EndTargetsAsync(app))[second].ShouldBe(888m);

        // A plan written by hand has no Version column and states no earlier reading: it applies as written, every row of it.
        (await admin.ImportAsync(FrameworkFiles.Code, FrameworkFiles.Workbook(rows =>
        {
            rows[0][13] = 555m;
            return rows;
        }), "by-hand.xlsx")).QuerySelector("#import-message")!.Text().ShouldContain("2 rows changed");
        var targets = await EndTargetsAsync(app);
        targets[first].ShouldBe(555m);
        targets[second].ShouldNotBe(888m);
    }

    private static async Task<Dictionary<string, decimal?>> EndTargetsAsync(TestApp app)
    {
        await using var scope = app.CreateDbScope();
        return await scope.Db.Indicators.Where(i => scope.Db.Frameworks.Any(f => f.Id == i.FrameworkId && f.Code == FrameworkFiles.Code))
            .ToDictionaryAsync(i => i.Key, i => i.EndTarget);
    }

    /// <summary>The framework imported from <see cref="FrameworkFiles"/>, and its template as downloaded then with the indicator sheet's header.</summary>
    private static async Task<(byte[] Template, List<string> Header)> ImportedWithTemplateAsync(TestApp app, StaffBrowser admin)
    {
        await FrameworkFiles.CreateFrameworkAsync(app);
        await admin.ImportAsync(FrameworkFiles.Code, FrameworkFiles.Workbook(), "framework.xlsx");
        var template = await admin.Client.GetByteArrayAsync(app.Url.FrameworkTemplate(FrameworkFiles.Code, "xlsx"));
        return (template, Workbooks.ReadSheet(template, "Indicators")[0]);
    }

    private static async Task<string> IndicatorVersionAsync(TestApp app, string key)
    {
        await using var scope = app.CreateDbScope();
        var version = await scope.Db.Indicators
            .Where(i => i.Key == key && scope.Db.Frameworks.Any(f => f.Id == i.FrameworkId && f.Code == FrameworkFiles.Code))
            .Select(i => EF.Property<uint>(i, ConcurrencyVersion.PropertyName))
            .SingleAsync();
        return ConcurrencyVersion.Format(version);
    }

    private static async Task ShouldHoldTheFrameworkAsync(TestApp app)
    {
        await using var scope = app.CreateDbScope();
        var framework = await scope.Db.Frameworks.SingleAsync(f => f.Code == FrameworkFiles.Code);
        var areas = await scope.Db.ResultAreas.Include(a => a.Parent).Where(a => a.FrameworkId == framework.Id).ToListAsync();
        areas.Select(a => (a.Code, a.Kind, a.Parent?.Code)).ShouldBe(
        [
            ("1", ResultAreaKind.Outcome, null), ("2", ResultAreaKind.Outcome, null), ("1.1", ResultAreaKind.Output, "1"), ("1.2", ResultAreaKind.Output, "1"),
            ("2.1", ResultAreaKind.Output, "2"), ("2.2", ResultAreaKind.Output, "2"), ("IE", ResultAreaKind.InstitutionalEffectiveness, null),
        ], ignoreOrder: true);
        areas.Single(a => a.Code == "2.1").TitleZh.ShouldBe("领域2.1");
        var indicators = await scope.Db.Indicators.Include(i => i.Area).Include(i => i.Milestones).Where(i => i.FrameworkId == framework.Id).ToListAsync();
        indicators.Count.ShouldBe(20);
        for (var i = 0; i < 20; i++)
        {
            var indicator = indicators.Single(x => x.Key == FrameworkFiles.Key(i));
            indicator.Area.Code.ShouldBe(FrameworkFiles.Key(i)[..3]);
            indicator.SortOrder.ShouldBe(i + 1);
            indicator.Definition.ShouldBe(new IndicatorDefinition(
                $"Indicator {indicator.Key}", $"指标{indicator.Key}", FrameworkFiles.IsPercent(i) ? Unit.Percent : Unit.Count, i == 5, i == 3 ? Direction.LowerIsBetter : Direction.HigherIsBetter));
            indicator.BaselineValue.ShouldBe(FrameworkFiles.Milestone(i, 2029));
            indicator.BaselineYear.ShouldBe(2029);
            indicator.Milestones.OrderBy(m => m.Year).Select(m => (m.Year, m.Value)).ShouldBe(FrameworkFiles.Years.Select(y => (y, FrameworkFiles.Milestone(i, y))));
            indicator.EndTarget.ShouldBe(FrameworkFiles.Milestone(i, 2033));
            indicator.DataSource.ShouldBe("UNV administrative data");
        }

        var audit = await scope.Db.AuditEntries.Where(a => a.Reason != null && a.Reason.StartsWith("Framework import from")).ToListAsync();
        audit.Count(a => a.Subject == "indicator").ShouldBe(20);
        audit.Count(a => a.Subject == "result-area").ShouldBe(7);
        audit.Count(a => a.Subject == "indicator-milestone").ShouldBe(80);
        audit.ShouldAllBe(a => a.UserName != "system");
    }

    private static async Task<int> AuditCountAsync(TestApp app)
    {
        await using var scope = app.CreateDbScope();
        return await scope.Db.AuditEntries.CountAsync();
    }
}
