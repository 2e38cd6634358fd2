using Microsoft.EntityFrameworkCore;
using UnvReporting.Domain.Results;
using UnvReporting.Domain.Staff;
using UnvReporting.Testing;
using UnvReporting.Web.Platform.Data;
using UnvReporting.Web.Platform.Data.Auditing;
using UnvReporting.Web.Tests.Support;

namespace UnvReporting.Web.Tests.Features.Export;

/// <summary>/export/{year}/indicators.csv: the API's numbers, one row per indicator-year, readable by Excel and safe to open.</summary>
public class IndicatorCsvExportTests
{
    [Theory, BothProviders]
    public async Task Every_row_has_the_score_colour_and_flags_the_api_gives(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);

        foreach (var year in new[] { 2019, 2021 })
        {
            var api = await app.Client.ApiIndicatorsAsync(year);
            var rows = ExportFiles.CsvRows(await app.Client.CsvAsync($"/export/{year}/indicators.csv"));

            rows.Select(r => r["Key"]).ShouldBe(api.Keys, $"{year}: same indicators in the same order");
            foreach (var row in rows)
            {
                var expected = api[row["Key"]];
                row["Year"].ShouldBe(year.ToString(System.Globalization.CultureInfo.InvariantCulture));
                row["Code as published"].ShouldBe(expected.GetProperty("code").GetString());
                row["Milestone"].NullIfEmpty().ShouldBe(ExportFiles.Word(expected.GetProperty("target")));
                row["Result"].NullIfEmpty().ShouldBe(ExportFiles.Word(expected.GetProperty("result")));
                row["Score %"].NullIfEmpty().ShouldBe(ExportFiles.Word(expected.GetProperty("scorePercent")), $"{year} {row["Key"]}");
                row["Exact score %"].NullIfEmpty().ShouldBe(ExportFiles.Word(expected.GetProperty("score")));
                row["Colour"].ShouldBe(expected.GetProperty("rating").GetString());
                row["Published score %"].NullIfEmpty().ShouldBe(ExportFiles.Word(expected.GetProperty("publishedScorePercent")));
                row["Published colour"].NullIfEmpty().ShouldBe(ExportFiles.Word(expected.GetProperty("publishedRating")));
                row["Flags"].NullIfEmpty().ShouldBe(ExportFiles.ApiFlags(expected), $"{year} {row["Key"]}");
                row["Unit"].ShouldBe(expected.GetProperty("unit").GetString());
                row["Outcome"].ShouldBe(expected.GetProperty("outcome").GetString());
                row["Output"].NullIfEmpty().ShouldBe(ExportFiles.Word(expected.GetProperty("output")));
                row["Source"].ShouldNotBeNullOrWhiteSpace();
            }
        }
    }

    [Theory, BothProviders]
    public async Task The_file_starts_with_a_byte_order_mark_and_keeps_the_Chinese_definitions(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        string titleZh;
        await using (var scope = app.CreateDbScope())
        {
            titleZh = await scope.Db.IndicatorYears.Where(iy => iy.Year == 2021 && iy.Indicator.Key == "1.1").Select(iy => iy.Definition.TitleZh).SingleAsync();
        }

        var bytes = await app.Client.CsvAsync("/export/2021/indicators.csv");

        bytes.Take(3).ShouldBe(ExportFiles.ByteOrderMark);
        System.Text.Encoding.UTF8.GetString(bytes).Split("\r\n").Length.ShouldBeGreaterThan(2, "RFC 4180 ends records with CRLF");
        var row = ExportFiles.CsvRows(bytes).Single(r => r["Key"] == "1.1");
        row["Definition (Chinese)"].ShouldBe(titleZh);
        titleZh.ShouldContain(c => c >= '\u4e00' && c <= '\u9fff', "the definition is in Chinese characters");
    }

    [Theory, BothProviders]
    public async Task Text_that_a_spreadsheet_would_run_as_a_formula_is_written_behind_an_apostrophe(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await FormulaTexts.PutInto2021Async(app);

        var row = ExportFiles.CsvRows(await app.Client.CsvAsync("/export/2021/indicators.csv")).Single(r => r["Key"] == "1.1");

        row["Definition (English)"].ShouldBe("'" + FormulaTexts.Title);
        row["Narrative (English)"].ShouldBe("'" + FormulaTexts.Narrative);
        row["Narrative (Chinese)"].ShouldBe("'" + FormulaTexts.NarrativeZh);
        row["Note"].ShouldBe("'" + FormulaTexts.Note);
    }

    [Theory, BothProviders]
    public async Task A_visitor_gets_404_for_a_draft_year_and_a_viewer_gets_its_rows(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await DraftYear.AddAsync(app);
        using var viewer = await app.SignedInAsync(StaffRole.Viewer);

        await (await app.Client.GetAsync("/export/2020/indicators.csv")).ShouldBeProblemAsync(404);
        await (await app.Client.GetAsync("/export/1999/indicators.csv")).ShouldBeProblemAsync(404);
        await (await app.Client.GetAsync("/export/20x1/indicators.csv")).ShouldBeProblemAsync(400);
        var rows = ExportFiles.CsvRows(await viewer.Client.CsvAsync("/export/2020/indicators.csv"));

        rows.Single()["Definition (English)"].ShouldBe(DraftYear.Title);
    }
}

/// <summary>
/// Texts a spreadsheet program would run as formulas, put into indicator 1.1 of 2021 with the
/// domain's methods.
/// </summary>
public static class FormulaTexts
{
    public const string Title = "=HYPERLINK(\"http://example.org\",\"click\")";

    public const string Narrative = "+1 more than planned";

    public const string NarrativeZh = "-比计划少";

    public const string Note = "@SUM(A1:A9)";

    public static async Task PutInto2021Async(TestApp app)
    {
        await using var scope = app.CreateDbScope();
        var item = await scope.Db.IndicatorYears.Include(iy => iy.Indicator).SingleAsync(iy => iy.Year == 2021 && iy.Indicator.Key == "1.1");
        var d = item.Definition;
        item.Redefine(new IndicatorDefinition(Title, d.TitleZh, d.Unit, d.IsCumulative, d.Direction), item.CodeAsPublished);
        item.Describe(Narrative, NarrativeZh, Note);
        await scope.Db.SaveAuditedAsync(StaffActor.System, null, DateTimeOffset.UtcNow);
    }
}
