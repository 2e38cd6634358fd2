using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using UnvReporting.Domain.Staff;
using UnvReporting.Testing;
using UnvReporting.Web.Platform.Data;
using UnvReporting.Web.Tests.Support;

namespace UnvReporting.Web.Tests.Features.Export;

/// <summary>/export/{year}/indicators.xlsx and /export/indicators.xlsx: the API's numbers as numbers, colours filled and named, notes, and for staff the change log.</summary>
public class IndicatorXlsxExportTests
{
    [Theory, BothProviders]
    public async Task Every_row_has_the_score_colour_and_flags_the_api_gives_with_figures_as_numbers(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);

        foreach (var year in new[] { 2019, 2021 })
        {
            var api = await app.Client.ApiIndicatorsAsync(year);
            using var workbook = ExportFiles.OpenXlsx(await app.Client.XlsxAsync($"/export/{year}/indicators.xlsx"));
            var rows = workbook.TableRows($"{year}");

            rows.Select(r => r.Get("Key")).ShouldBe(api.Keys, $"{year}: same indicators in the same order");
            foreach (var row in rows)
            {
                var expected = api[row.Get("Key")!];
                var where = $"{year} {row.Get("Key")}";
                row.Get("Score %").ShouldBe(ExportFiles.Word(expected.GetProperty("scorePercent")), where);
                row.Get("Exact score %").ShouldBe(ExportFiles.Word(expected.GetProperty("score")), where);
                row.Get("Milestone").ShouldBe(ExportFiles.Word(expected.GetProperty("target")), where);
                row.Get("Result").ShouldBe(ExportFiles.Word(expected.GetProperty("result")), where);
                row.Get("Colour").ShouldBe(expected.GetProperty("rating").GetString(), where);
                row.Get("Published colour").ShouldBe(ExportFiles.Word(expected.GetProperty("publishedRating")), where);
                row.Get("Flags").ShouldBe(ExportFiles.ApiFlags(expected), where);
                foreach (var number in new[] { "Year", "Milestone", "Result", "Score %", "Exact score %", "Published score %" })
                {
                    if (row.TryGetValue(number, out var cell))
                    {
                        cell.IsNumber().ShouldBeTrue($"{where}: {number} is a number cell");
                    }
                }
            }
        }
    }

    [Theory, BothProviders]
    public async Task The_table_has_a_frozen_styled_header_an_autofilter_filled_colours_and_a_notes_sheet(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);

        using var workbook = ExportFiles.OpenXlsx(await app.Client.XlsxAsync("/export/2021/indicators.xlsx"));
        var sheet = workbook.Worksheet("2021");
        var rows = workbook.TableRows("2021");

        workbook.SheetNames().ShouldBe(["2021", "Notes"], "a visitor gets no change log");
        var pane = sheet.Descendants<Pane>().Single();
        pane.State!.Value.ShouldBe(PaneStateValues.Frozen);
        pane.TopLeftCell!.Value.ShouldBe("A2");
        sheet.GetFirstChild<AutoFilter>()!.Reference!.Value.ShouldBe($"A1:V{rows.Count + 1}");
        var styles = workbook.WorkbookPart!.WorkbookStylesPart!.Stylesheet;
        var formats = styles.CellFormats!.Elements<CellFormat>().ToList();
        var fills = styles.Fills!.Elements<Fill>().ToList();
        string? FillOf(Cell cell) => fills[(int)formats[(int)cell.StyleIndex!.Value].FillId!.Value].PatternFill?.ForegroundColor?.Rgb?.Value;

        var header = sheet.GetFirstChild<SheetData>()!.Elements<Row>().First().Elements<Cell>().First();
        styles.Fonts!.Elements<Font>().ElementAt((int)formats[(int)header.StyleIndex!.Value].FontId!.Value).Bold.ShouldNotBeNull();
        var colours = rows.Select(r => (Word: r.Get("Colour"), Fill: FillOf(r["Colour"]))).Distinct().ToDictionary(c => c.Word!, c => c.Fill);
        colours["green"].ShouldBe("FFC6EFCE");
        colours.Keys.ShouldContain("red");
        colours.Values.Distinct().Count().ShouldBe(colours.Count, "each colour has its own fill");

        var notes = workbook.Worksheet("Notes").InnerText;
        notes.ShouldContain("green at 100% or more");
        notes.ShouldContain("DP/2022/24");
    }

    [Theory, BothProviders]
    public async Task Text_that_looks_like_a_formula_is_a_plain_text_cell_with_no_apostrophe(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await FormulaTexts.PutInto2021Async(app);

        using var workbook = ExportFiles.OpenXlsx(await app.Client.XlsxAsync("/export/2021/indicators.xlsx"));
        var row = workbook.TableRows("2021").Single(r => r.Get("Key") == "1.1");

        // An inline text cell is never run as a formula, so the CSV's apostrophe would only show.
        row.Get("Definition (English)").ShouldBe(FormulaTexts.Title);
        row.Get("Narrative (English)").ShouldBe(FormulaTexts.Narrative);
        row.Get("Narrative (Chinese)").ShouldBe(FormulaTexts.NarrativeZh);
        row.Get("Note").ShouldBe(FormulaTexts.Note);
        foreach (var text in new[] { "Definition (English)", "Narrative (English)", "Narrative (Chinese)", "Note" })
        {
            row[text].DataType!.Value.ShouldBe(CellValues.InlineString, text);
            row[text].CellFormula.ShouldBeNull(text);
        }

        row["Milestone"].IsNumber().ShouldBeTrue();
    }

    [Theory, BothProviders]
    public async Task Figures_show_in_their_unit_and_both_colour_columns_are_filled(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);

        using var workbook = ExportFiles.OpenXlsx(await app.Client.XlsxAsync("/export/2021/indicators.xlsx"));
        var rows = workbook.TableRows("2021").ToDictionary(r => r.Get("Key")!);
        string FormatOf(string key, string column) => ExportFiles.NumberFormatOf(workbook, rows[key][column]);

        // 1.2 counts volunteers (1,663,729), 1.1 is a share (63%), 2.1.1a volunteer months.
        FormatOf("1.2", "Result").ShouldBe("#,##0");
        FormatOf("1.1", "Milestone").ShouldBe("#,##0\"%\"");
        FormatOf("1.1", "Result").ShouldBe("#,##0\"%\"");
        FormatOf("2.1.1a", "Result").ShouldBe("#,##0\" months\"");
        rows["1.2"]["Result"].IsNumber().ShouldBeTrue();

        foreach (var (key, row) in rows)
        {
            row.Get("Published colour").ShouldNotBeNull(key);
            ExportFiles.FillOf(workbook, row["Published colour"]).ShouldBe(ExportFiles.FillOf(workbook, row["Colour"]), $"{key}: the published colour is filled as the computed one of the same word");
        }

        ExportFiles.FillOf(workbook, rows["1.2.2"]["Published colour"]).ShouldBe("FFFFC7CE", "red");
    }

    [Theory, BothProviders]
    public async Task Every_sheet_prints_landscape_fitted_to_the_page_width_with_the_header_on_each_page(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);

        using var workbook = ExportFiles.OpenXlsx(await app.Client.XlsxAsync("/export/indicators.xlsx"));

        foreach (var name in workbook.SheetNames())
        {
            var sheet = workbook.Worksheet(name);
            var setup = sheet.GetFirstChild<PageSetup>().ShouldNotBeNull(name);
            setup.Orientation!.Value.ShouldBe(OrientationValues.Landscape, name);
            setup.PaperSize!.Value.ShouldBe(9u, $"{name}: A4");
            setup.FitToWidth!.Value.ShouldBe(1u, name);
            setup.FitToHeight!.Value.ShouldBe(0u, $"{name}: as many pages down as the rows need");
            sheet.SheetProperties!.PageSetupProperties!.FitToPage!.Value.ShouldBeTrue(name);
            sheet.GetFirstChild<HeaderFooter>()!.OddFooter!.Text.ShouldContain("&P", customMessage: $"{name}: page numbers");
        }

        var titles = workbook.WorkbookPart!.Workbook.DefinedNames!.Elements<DefinedName>().Where(n => n.Name == "_xlnm.Print_Titles").Select(n => n.Text).ToList();
        titles.ShouldBe(["'All years'!$1:$1", "'2019'!$1:$1", "'2021'!$1:$1", "'Framework 2018-2021'!$1:$1"], "each table repeats its header row; the notes have none");
        new OpenXmlValidator().Validate(workbook).Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ShouldBeEmpty();
    }

    [Theory, BothProviders]
    public async Task A_chinese_reader_gets_a_chinese_workbook_while_the_csv_columns_stay_english(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);

        using var english = ExportFiles.OpenXlsx(await app.Client.XlsxAsync("/export/2021/indicators.xlsx?culture=en"));
        using var chinese = ExportFiles.OpenXlsx(await app.Client.XlsxAsync("/export/2021/indicators.xlsx?culture=zh-Hans"));
        var csv = ExportFiles.CsvRows(await app.Client.CsvAsync("/export/2021/indicators.csv?culture=zh-Hans"));

        chinese.SheetNames().ShouldBe(["2021", "注释"]);
        var rows = chinese.TableRows("2021").ToDictionary(r => r.Get("指标编号")!);
        var englishRows = english.TableRows("2021").ToDictionary(r => r.Get("Key")!);
        rows.Keys.ShouldBe(englishRows.Keys);
        rows["1.2.2"].Get("颜色").ShouldBe("红色");
        rows["1.2.2"].Get("公布的颜色").ShouldBe("红色");
        rows["1.1"].Get("单位").ShouldBe("百分比");
        rows["1.2"].Get("结果").ShouldBe(englishRows["1.2"].Get("Result"), "the figures are the same numbers");
        ExportFiles.NumberFormatOf(chinese, rows["2.1.1a"]["结果"]).ShouldBe("#,##0\" 个月\"");
        chinese.Worksheet("注释").InnerText.ShouldContain("评级规则");
        chinese.Worksheet("注释").InnerText.ShouldContain("达到100%或以上为绿色");

        csv[0].Keys.ShouldContain("Colour", "CSV columns are a contract for programs, in English");
        csv.Single(r => r["Key"] == "1.2.2")["Colour"].ShouldBe("red");
    }

    [Theory, BothProviders]
    public async Task A_visitor_gets_404_for_a_draft_year_and_a_viewer_gets_it_with_the_change_log(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await DraftYear.AddAsync(app);
        await FormulaTexts.PutInto2021Async(app);
        using var viewer = await app.SignedInAsync(StaffRole.Viewer);

        await (await app.Client.GetAsync("/export/2020/indicators.xlsx")).ShouldBeProblemAsync(404);
        using var draft = ExportFiles.OpenXlsx(await viewer.Client.XlsxAsync("/export/2020/indicators.xlsx"));
        using var published = ExportFiles.OpenXlsx(await viewer.Client.XlsxAsync("/export/2021/indicators.xlsx"));

        draft.SheetNames().ShouldBe(["2020", "Notes", "Change log"]);
        draft.TableRows("2020").Single().Get("Definition (English)").ShouldBe(DraftYear.Title);
        var changes = published.TableRows("Change log");
        changes.ShouldContain(c => c.Get("Indicator") == "1.1" && c.Get("New value") == FormulaTexts.Title);
        changes.ShouldAllBe(c => c.Get("Year") == "2021");
    }

    [Theory, BothProviders]
    public async Task The_all_years_workbook_has_a_sheet_per_visible_year_and_one_long_sheet(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await DraftYear.AddAsync(app);
        using var viewer = await app.SignedInAsync(StaffRole.Viewer);

        using var workbook = ExportFiles.OpenXlsx(await app.Client.XlsxAsync("/export/indicators.xlsx"));
        using var staff = ExportFiles.OpenXlsx(await viewer.Client.XlsxAsync("/export/indicators.xlsx"));

        workbook.SheetNames().ShouldBe(["All years", "2019", "2021", "Framework 2018-2021", "Notes"]);
        var all = workbook.TableRows("All years");
        all.Count.ShouldBe(workbook.TableRows("2019").Count + workbook.TableRows("2021").Count);
        all.Select(r => r.Get("Year")).Distinct().ShouldBe(["2019", "2021"]);
        all.Where(r => r.Get("Year") == "2021").Select(r => r.Get("Colour")).ShouldBe(workbook.TableRows("2021").Select(r => r.Get("Colour")));
        staff.SheetNames().ShouldBe(["All years", "2019", "2020", "2021", "Framework 2018-2021", "Notes", "Change log"]);
        staff.Worksheet("All years").GetFirstChild<AutoFilter>()!.Reference!.Value.ShouldBe($"A1:V{staff.TableRows("All years").Count + 1}", "the filter covers every visible year's rows");
        new OpenXmlValidator().Validate(staff).Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ShouldBeEmpty("the workbook follows the Open XML schema, so Excel opens it without repairs");
    }
}
