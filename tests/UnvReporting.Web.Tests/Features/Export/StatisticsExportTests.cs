using System.Globalization;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using Microsoft.EntityFrameworkCore;
using UnvReporting.Domain.Sources;
using UnvReporting.Domain.Staff;
using UnvReporting.Testing;
using UnvReporting.Web.Platform.Data;
using UnvReporting.Web.Platform.Data.Auditing;
using UnvReporting.Web.Tests.Support;

namespace UnvReporting.Web.Tests.Features.Export;

/// <summary>/export/{year}/statistics.csv and .xlsx: every fact of the year with metric, breakdown, unit, qualifier and source.</summary>
public class StatisticsExportTests
{
    [Theory, BothProviders]
    public async Task The_csv_and_the_workbook_carry_every_fact_of_2021(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        List<(string Metric, string? Dimension, string? Member, decimal Value, string Qualifier, string Source, string? Note)> facts;
        await using (var scope = app.CreateDbScope())
        {
            facts = (await scope.Db.StatisticFacts.Where(f => f.Year == 2021).ToListAsync())
                .Select(f => (f.MetricKey, f.Dimension, f.Member, f.Value, f.Qualifier.ToString(), f.Source.ToString(), f.Note))
                .ToList();
        }

        var csv = await app.Client.CsvAsync("/export/2021/statistics.csv");
        using var workbook = ExportFiles.OpenXlsx(await app.Client.XlsxAsync("/export/2021/statistics.xlsx"));

        csv.Take(3).ShouldBe(ExportFiles.ByteOrderMark);
        var fromCsv = ExportFiles.CsvRows(csv)
            .Select(r => (r["Metric"], r["Dimension"].NullIfEmpty(), r["Member"].NullIfEmpty(), decimal.Parse(r["Value"], CultureInfo.InvariantCulture), Qualifier(r["Qualifier"]), r["Source"], r["Note"].NullIfEmpty()))
            .ToList();
        var rows = workbook.TableRows("2021");
        var fromXlsx = rows
            .Select(r => (r.Get("Metric")!, r.Get("Dimension"), r.Get("Member"), decimal.Parse(r.Get("Value")!, CultureInfo.InvariantCulture), Qualifier(r.Get("Qualifier")!), r.Get("Source")!, r.Get("Note")))
            .ToList();
        fromCsv.ShouldBe(facts, ignoreOrder: true);
        fromXlsx.ShouldBe(facts, ignoreOrder: true);
        rows.ShouldAllBe(r => r["Value"].IsNumber());
        ExportFiles.CsvRows(csv).Single(r => r["Metric"] == "volunteers_deployed" && r["Dimension"] == "").ShouldSatisfyAllConditions(
            r => r["Unit"].ShouldBe("count"),
            r => r["Metric (Chinese)"].ShouldNotBeNullOrWhiteSpace());
    }

    [Theory, BothProviders]
    public async Task The_exports_say_what_the_api_says_and_keep_the_chinese_names(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var api = System.Text.Json.JsonDocument.Parse(await app.Client.GetStringAsync("/api/v1/years/2021/statistics"));
        var expected = api.RootElement.EnumerateArray()
            .Select(f => string.Join("|", f.GetProperty("metric").GetString(), f.GetProperty("dimension").GetString(), f.GetProperty("member").GetString(),
                f.GetProperty("value").GetDecimal().ToString(CultureInfo.InvariantCulture), f.GetProperty("unit").GetString(), f.GetProperty("qualifier").GetString(), f.GetProperty("source").GetString()))
            .ToList();
        string chinese;
        await using (var scope = app.CreateDbScope())
        {
            chinese = (await scope.Db.Metrics.SingleAsync(m => m.Key == "volunteers_deployed")).NameZh;
        }

        var csv = ExportFiles.CsvRows(await app.Client.CsvAsync("/export/2021/statistics.csv"));
        using var workbook = ExportFiles.OpenXlsx(await app.Client.XlsxAsync("/export/2021/statistics.xlsx"));
        var rows = workbook.TableRows("2021");

        csv.Select(r => string.Join("|", r["Metric"], r["Dimension"], r["Member"], decimal.Parse(r["Value"], CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture), r["Unit"], r["Qualifier"], r["Source"]))
            .ShouldBe(expected, ignoreOrder: true);
        rows.Select(r => string.Join("|", r.Get("Metric"), r.Get("Dimension"), r.Get("Member"), decimal.Parse(r.Get("Value")!, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture), r.Get("Unit"), r.Get("Qualifier"), r.Get("Source")))
            .ShouldBe(expected, ignoreOrder: true);
        csv.First(r => r["Metric"] == "volunteers_deployed")["Metric (Chinese)"].ShouldBe(chinese);
        rows.First(r => r.Get("Metric") == "volunteers_deployed").Get("Metric (Chinese)").ShouldBe(chinese);
        workbook.SheetNames().ShouldBe(["2021", "Notes"]);
    }

    [Theory, BothProviders]
    public async Task Staff_get_the_change_log_in_the_statistics_workbook(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await using (var scope = app.CreateDbScope())
        {
            var fact = await scope.Db.StatisticFacts.FirstAsync(f => f.Year == 2021);
            var metric = await scope.Db.Metrics.SingleAsync(m => m.Key == fact.MetricKey);
            fact.Correct(metric, fact.Value + 1, fact.Qualifier, fact.Source, "corrected");
            await scope.Db.SaveAuditedAsync(StaffActor.System, null, DateTimeOffset.UtcNow);
        }

        using var viewer = await app.SignedInAsync(StaffRole.Viewer);

        using var workbook = ExportFiles.OpenXlsx(await viewer.Client.XlsxAsync("/export/2021/statistics.xlsx"));

        workbook.SheetNames().ShouldBe(["2021", "Notes", "Change log"]);
        workbook.TableRows("Change log").ShouldNotBeEmpty();

        // A filter's range is written before the rows it covers, from a count of them.
        var (facts, changes) = (workbook.TableRows("2021").Count + 1, workbook.TableRows("Change log").Count + 1);
        workbook.Worksheet("2021").GetFirstChild<AutoFilter>()!.Reference!.Value.ShouldBe($"A1:M{facts}");
        workbook.Worksheet("Change log").GetFirstChild<AutoFilter>()!.Reference!.Value.ShouldBe($"A1:K{changes}");

        // Without these names LibreOffice shows no filter.
        workbook.WorkbookPart!.Workbook.DefinedNames!.Elements<DefinedName>().Where(n => n.Name == "_xlnm._FilterDatabase").Select(n => $"{n.Name} {n.LocalSheetId} {n.Hidden!.Value} {n.Text}")
            .ShouldBe([$"_xlnm._FilterDatabase 0 True '2021'!$A$1:$M${facts}", $"_xlnm._FilterDatabase 2 True 'Change log'!$A$1:$K${changes}"]);
        new OpenXmlValidator().Validate(workbook).Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ShouldBeEmpty();
    }

    [Theory, BothProviders]
    public async Task Text_like_a_formula_is_guarded_in_csv_plain_text_in_xlsx_and_a_negative_value_stays_a_number(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await using (var scope = app.CreateDbScope())
        {
            var metric = await scope.Db.Metrics.SingleAsync(m => m.Key == "total_expenses_change");
            var fact = await scope.Db.StatisticFacts.FirstAsync(f => f.Year == 2021 && f.MetricKey == metric.Key);
            fact.Correct(metric, -3.5m, fact.Qualifier, new SourceReference("=DP/2022/24", "para 9"), "@note that looks like a formula");
            await scope.Db.SaveAuditedAsync(StaffActor.System, null, DateTimeOffset.UtcNow);
        }

        var csvRow = ExportFiles.CsvRows(await app.Client.CsvAsync("/export/2021/statistics.csv")).Single(r => r["Metric"] == "total_expenses_change");
        using var workbook = ExportFiles.OpenXlsx(await app.Client.XlsxAsync("/export/2021/statistics.xlsx"));
        var xlsxRow = workbook.TableRows("2021").Single(r => r.Get("Metric") == "total_expenses_change");

        csvRow["Source"].ShouldBe("'=DP/2022/24 para 9");
        csvRow["Note"].ShouldBe("'@note that looks like a formula");
        csvRow["Value"].ShouldBe("-3.5");
        xlsxRow.Get("Source").ShouldBe("=DP/2022/24 para 9");
        xlsxRow.Get("Note").ShouldBe("@note that looks like a formula");
        xlsxRow["Source"].DataType!.Value.ShouldBe(CellValues.InlineString);
        xlsxRow["Source"].CellFormula.ShouldBeNull();
        xlsxRow["Value"].IsNumber().ShouldBeTrue();
        xlsxRow.Get("Value").ShouldBe("-3.5");
        ExportFiles.NumberFormatOf(workbook, xlsxRow["Value"]).ShouldBe("+#,##0.0###\"%\";-#,##0.0###\"%\";0\"%\"", "a change in percent shows its sign");
    }

    [Theory, BothProviders]
    public async Task Facts_entered_for_an_unpublished_year_are_for_staff_only_and_printed_ones_stay_public(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var before = ExportFiles.CsvRows(await app.Client.CsvAsync("/export/2020/statistics.csv"));
        await OpenedYears.AddAsync(app, 2020, Domain.Reporting.ReportingStatus.Draft);
        using var viewer = await app.SignedInAsync(StaffRole.Viewer);

        var anonymous = ExportFiles.CsvRows(await app.Client.CsvAsync("/export/2020/statistics.csv"));
        var staff = ExportFiles.CsvRows(await viewer.Client.CsvAsync("/export/2020/statistics.csv"));

        before.ShouldNotBeEmpty("DP/2022/24 prints 2020 figures beside 2021's");
        anonymous.ShouldBe(before, "what the public read stays public while 2020 is a draft");
        staff.Count.ShouldBe(before.Count + 1);
        staff.ShouldContain(r => r["Metric"] == OpenedYears.Metric && r["Value"] == "7777");
        await (await app.Client.GetAsync("/export/2030/statistics.xlsx")).ShouldBeProblemAsync(404);
    }

    [Theory, BothProviders]
    public async Task The_whole_history_comes_as_one_csv_in_year_order_without_the_facts_entered_for_unpublished_years_for_visitors(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await OpenedYears.AddAsync(app, 2020, Domain.Reporting.ReportingStatus.Draft);
        using var viewer = await app.SignedInAsync(StaffRole.Viewer);
        int all;
        await using (var scope = app.CreateDbScope())
        {
            all = await scope.Db.StatisticFacts.CountAsync();
        }

        var visitor = ExportFiles.CsvRows(await app.Client.CsvAsync("/export/statistics.csv"));
        var staff = ExportFiles.CsvRows(await viewer.Client.CsvAsync("/export/statistics.csv"));

        staff.Count.ShouldBe(all);
        visitor.Count.ShouldBe(all - 1);
        visitor.ShouldNotContain(r => r["Metric"] == OpenedYears.Metric && r["Year"] == "2020");
        visitor.Count(r => r["Year"] == "2020").ShouldBe(8, "the figures DP/2022/24 prints of 2020");
        var years = visitor.Select(r => int.Parse(r["Year"], CultureInfo.InvariantCulture)).ToList();
        years.ShouldBe(years.Order().ToList());
        years[0].ShouldBeLessThan(2000, "the history goes back decades");
        visitor.ShouldContain(r => r["Member (English)"] != "" && r["Member (Chinese)"] != "");
    }

    private static string Qualifier(string word) => string.Concat(word.Split('-').Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
}
