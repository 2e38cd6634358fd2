using UnvReporting.Testing;
using UnvReporting.Web.Platform.Data;
using UnvReporting.Web.Tests.Support;

namespace UnvReporting.Web.Tests.Features.Export;

/// <summary>/export/frameworks/{code}.csv and .xlsx: the framework page's table, figure for figure as the API gives it.</summary>
public class FrameworkExportTests
{
    [Theory, BothProviders]
    public async Task Each_indicator_has_its_years_end_target_and_progress_as_the_api_gives_them(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);

        var api = (await app.Client.GetJsonAsync("/api/v1/frameworks/2018-2021")).GetProperty("indicators").EnumerateArray().ToDictionary(i => i.GetProperty("key").GetString()!);
        var csv = ExportFiles.CsvRows(await app.Client.CsvAsync("/export/frameworks/2018-2021.csv"));
        using var workbook = ExportFiles.OpenXlsx(await app.Client.XlsxAsync("/export/frameworks/2018-2021.xlsx"));
        var sheet = workbook.TableRows("Framework 2018-2021");

        csv.Select(r => r["Key"]).ShouldBe(api.Keys);
        sheet.Select(r => r.Get("Key")).ShouldBe(api.Keys);
        foreach (var row in csv)
        {
            var expected = api[row["Key"]];
            var years = expected.GetProperty("years").EnumerateArray().ToDictionary(y => y.GetProperty("year").GetInt32());
            row["Result 2019"].NullIfEmpty().ShouldBe(years.TryGetValue(2019, out var y2019) ? ExportFiles.Word(y2019.GetProperty("result")) : null, row["Key"]);
            row["Colour 2021"].NullIfEmpty().ShouldBe(years.TryGetValue(2021, out var y2021) ? y2021.GetProperty("rating").GetString() : null, row["Key"]);
            row["End target"].NullIfEmpty().ShouldBe(ExportFiles.Word(expected.GetProperty("endTarget")), row["Key"]);
            row["Progress %"].NullIfEmpty().ShouldBe(ExportFiles.Word(expected.GetProperty("progressPercent")), row["Key"]);
            row["Progress colour"].ShouldBe(expected.GetProperty("progressRating").GetString(), row["Key"]);
        }

        csv.ShouldContain(r => r["Mid-term review"].Contains("DP/2020/14", StringComparison.Ordinal), "the review's published percentages travel with the figures");
        workbook.SheetNames().ShouldBe(["Framework 2018-2021", "Notes"]);
    }

    [Theory, BothProviders]
    public async Task A_framework_the_reader_may_not_see_answers_404(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);

        await (await app.Client.GetAsync("/export/frameworks/2030-2033.csv")).ShouldBeProblemAsync(404);
        await (await app.Client.GetAsync("/export/frameworks/2030-2033.xlsx")).ShouldBeProblemAsync(404);
    }
}
