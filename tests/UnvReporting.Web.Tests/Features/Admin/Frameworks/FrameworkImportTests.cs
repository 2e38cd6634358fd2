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
        indicators[0].ShouldBe(FrameworkFiles.IndicatorHeader);
        indicators.Count.ShouldBe(21);
        indicators.Single(r => r[0] == "1.2.1").ShouldBe(["1.2.1", "1.2", "Indicator 1.2.1", "指标1.2.1", "percent", "higher", "no", "35", "2029", "40", "45", "50", "55", "55", "UNV administrative data", "2"]);
        var areas = Workbooks.ReadSheet(xlsx, "Result areas");
        areas[0].ShouldBe(FrameworkFiles.AreaHeader);
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
