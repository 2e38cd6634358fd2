using System.Globalization;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using UnvReporting.Domain.Staff;
using UnvReporting.Testing;
using UnvReporting.Web.Platform.Data;
using UnvReporting.Web.Tests.Support;

namespace UnvReporting.Web.Tests.Features.Export;

/// <summary>/export/{year}/board-pack.docx: the API's figures and colours in a Word document a Board member can print.</summary>
public class BoardPackTests
{
    private const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private static readonly Dictionary<string, (string Word, string Fill)> Colours = new()
    {
        ["green"] = ("Green", "C6EFCE"),
        ["yellow"] = ("Yellow", "FFEB9C"),
        ["red"] = ("Red", "FFC7CE"),
        ["grey"] = ("Grey", "D9D9D9"),
    };

    [Theory, BothProviders]
    public async Task Every_indicator_has_the_milestone_result_score_and_colour_the_api_gives(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);

        foreach (var year in new[] { 2019, 2021 })
        {
            var api = (await app.Client.GetJsonAsync($"/api/v1/years/{year}/indicators")).EnumerateArray().ToList();
            var summary = await app.Client.GetJsonAsync($"/api/v1/years/{year}/summary");
            using var document = Open(await app.Client.DownloadAsync($"/export/{year}/board-pack.docx", Docx));
            var rows = IndicatorRows(document);

            rows.Select(r => r.Code).ShouldBe(api.Select(i => i.GetProperty("code").GetString()), $"{year}: every indicator, in the report's order");
            foreach (var (row, expected) in rows.Zip(api))
            {
                var where = $"{year} {row.Code}";
                var unit = expected.GetProperty("unit").GetString()!;
                row.Milestone.ShouldBe(Figure(expected.GetProperty("target"), unit), where);
                row.Result.ShouldBe(Figure(expected.GetProperty("result"), unit), where);
                row.Score.ShouldBe(expected.GetProperty("scorePercent") is { ValueKind: JsonValueKind.Number } score ? $"{score.GetInt64()}%" : "no score", where);
                var colour = Colours[expected.GetProperty("rating").GetString()!];
                row.Colour.ShouldBe(colour.Word, where);
                row.Fill.ShouldBe(colour.Fill, where);
            }

            int Count(string name) => summary.GetProperty(name).GetInt32();
            Paragraphs(document).ShouldContain(
                $"Of {Count("total")} indicators: {Count("green")} green, {Count("yellow")} yellow, {Count("red")} red, {Count("grey")} grey.",
                $"{year}: the year page's summary sentence with the API's counts");
        }
    }

    [Theory, BothProviders]
    public async Task The_pack_is_a4_with_page_numbers_a_table_of_contents_and_no_other_fields_and_validates(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);

        using var document = Open(await app.Client.DownloadAsync("/export/2021/board-pack.docx", Docx));
        var main = document.MainDocumentPart!;
        var body = main.Document.Body!;

        var title = body.Elements<Paragraph>().First();
        title.ParagraphProperties!.ParagraphStyleId!.Val!.Value.ShouldBe("Title");
        title.InnerText.ShouldBe("UNV results 2021");
        Paragraphs(document).ShouldContain("Source report: DP/2022/24");
        Paragraphs(document).ShouldContain(p => p.StartsWith("Executive Board session: ", StringComparison.Ordinal));

        var sections = body.Descendants<SectionProperties>().ToList();
        sections.Count.ShouldBe(3, "indicators portrait, the framework's wide table landscape, statistics portrait");
        sections.Select(s => (s.GetFirstChild<PageSize>()!.Width!.Value, s.GetFirstChild<PageSize>()!.Height!.Value))
            .ShouldBe([(11906u, 16838u), (16838u, 11906u), (11906u, 16838u)], "A4");
        sections.ShouldAllBe(s => s.Elements<FooterReference>().Any() && !s.Elements<HeaderReference>().Any(), "page numbers on every page; no draft mark on a published year");
        main.FooterParts.Single().Footer.Descendants<SimpleField>().Single().Instruction!.Value!.Trim().ShouldBe("PAGE");

        // The TOC field, and as its result the headings, for a reader that does not update fields.
        var fields = body.Descendants<FieldCode>().Select(f => f.Text.Trim()).ToList();
        fields.ShouldBe(["TOC \\o \"1-2\" \\h \\z \\u"], "no field but the contents (and PAGE in the footer)");
        body.Descendants<SimpleField>().ShouldBeEmpty();
        main.DocumentSettingsPart!.Settings.GetFirstChild<UpdateFieldsOnOpen>()!.Val!.Value.ShouldBeTrue();
        var headings = body.Elements<Paragraph>().Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value is "Heading1" or "Heading2").Select(p => p.InnerText).ToList();
        var entries = body.Elements<Paragraph>().Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value is "TOC1" or "TOC2")
            .Select(p => string.Concat(p.Descendants<Text>().Select(t => t.Text))).ToList();
        entries.ShouldBe(headings);
        headings.ShouldContain("Summary");
        headings.ShouldContain(h => h.StartsWith("Outcome 1: ", StringComparison.Ordinal));
        headings.ShouldContain(h => h.StartsWith("Output 2.1: ", StringComparison.Ordinal));
        headings.ShouldContain("Progress toward the end targets of Strategic Framework 2018-2021");
        headings.ShouldContain("Headline figures");

        var tables = body.Elements<Table>().ToList();
        tables.ShouldAllBe(t => t.Elements<TableRow>().First().TableRowProperties!.GetFirstChild<TableHeader>() != null, "each table's header row repeats on every page");
        Paragraphs(document).ShouldContain(p => p.Contains("The report printed", StringComparison.Ordinal), "the year table's notes where a printed figure differs");
        List<List<string>> Cells(Table table) => table.Elements<TableRow>().Skip(1).Select(r => r.Elements<TableCell>().Select(c => c.InnerText).ToList()).ToList();
        Cells(tables[^1]).ShouldContain(r => r.SequenceEqual(new[] { "UN Volunteers deployed", "10,921", "Change on the year before, as the report gives it: +15% (DP/2022/24 para 14)", "DP/2022/24 para 14" }));

        // The framework's table: 1.2.2 fell to 59 of its end target 120 in 2021, red on both counts.
        var framework = tables[^2];
        framework.Elements<TableRow>().First().InnerText.ShouldContain("End target");
        var row = framework.Elements<TableRow>().Single(r => r.Elements<TableCell>().First().InnerText == "1.2.2").Elements<TableCell>().ToList();
        row.Select(c => c.InnerText).ShouldBe(["1.2.2", row[1].InnerText, "87Green", "59Red", "120", "49%", "Red"]);
        row[3].TableCellProperties!.Shading!.Fill!.Value.ShouldBe("FFC7CE");
        row[^1].TableCellProperties!.Shading!.Fill!.Value.ShouldBe("FFC7CE");

        new OpenXmlValidator().Validate(document).Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ShouldBeEmpty();
    }

    [Theory, BothProviders]
    public async Task A_chinese_reader_gets_a_chinese_pack_that_validates(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);

        using var document = Open(await app.Client.DownloadAsync("/export/2021/board-pack.docx?culture=zh-Hans", Docx));
        var body = document.MainDocumentPart!.Document.Body!;

        body.Elements<Paragraph>().First().InnerText.ShouldBe("联合国志愿人员组织2021年成果");
        var headings = body.Elements<Paragraph>().Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value is "Heading1" or "Heading2").Select(p => p.InnerText).ToList();
        headings.ShouldContain("摘要");
        headings.ShouldContain(h => h.StartsWith("成果1: ", StringComparison.Ordinal));
        headings.ShouldContain("主要数字");
        var header = body.Elements<Table>().First().Elements<TableRow>().First().Elements<TableCell>().Select(c => c.InnerText).ToList();
        header.ShouldBe(["编号", "指标", "里程碑", "结果", "得分", "颜色"]);
        var colours = IndicatorRows(document, "编号").Select(r => r.Colour).Distinct().ToList();
        colours.ShouldContain("绿色");
        colours.ShouldAllBe(c => c == "绿色" || c == "黄色" || c == "红色" || c == "灰色");
        new OpenXmlValidator().Validate(document).Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ShouldBeEmpty();
    }

    [Theory, BothProviders]
    public async Task Staff_get_a_draft_year_marked_draft_on_every_page_and_visitors_get_404(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await DraftYear.AddAsync(app);
        using var viewer = await app.SignedInAsync(StaffRole.Viewer);

        await (await app.Client.GetAsync($"/export/{DraftYear.Year}/board-pack.docx")).ShouldBeProblemAsync(404);
        await (await app.Client.GetAsync("/export/2031/board-pack.docx")).ShouldBeProblemAsync(404);
        using var draft = Open(await viewer.Client.DownloadAsync($"/export/{DraftYear.Year}/board-pack.docx", Docx));
        using var published = Open(await viewer.Client.DownloadAsync("/export/2021/board-pack.docx", Docx));

        var body = draft.MainDocumentPart!.Document.Body!;
        body.Elements<Paragraph>().First().InnerText.ShouldBe($"UNV results {DraftYear.Year} (draft)");
        IndicatorRows(draft).Single().Code.ShouldBe(DraftYear.IndicatorKey);
        var watermark = draft.MainDocumentPart.HeaderParts.Single();
        watermark.Header.InnerText.ShouldBe("Draft");
        body.Descendants<SectionProperties>().ShouldAllBe(s => s.Elements<HeaderReference>().Single().Id! == draft.MainDocumentPart.GetIdOfPart(watermark), "every page");
        published.MainDocumentPart!.HeaderParts.ShouldBeEmpty("a published year has no draft mark, for staff either");
        new OpenXmlValidator().Validate(draft).Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ShouldBeEmpty();
    }

    private static WordprocessingDocument Open(byte[] bytes) => WordprocessingDocument.Open(new MemoryStream(bytes), false);

    private static List<string> Paragraphs(WordprocessingDocument document) =>
        document.MainDocumentPart!.Document.Body!.Elements<Paragraph>().Select(p => p.InnerText).ToList();

    /// <summary>The rows of the indicator tables (those headed "Code", "Indicator"), in document order.</summary>
    private static List<(string Code, string Milestone, string Result, string Score, string Colour, string? Fill)> IndicatorRows(WordprocessingDocument document, string codeHeader = "Code") =>
        document.MainDocumentPart!.Document.Body!.Elements<Table>()
            .Where(t => t.Elements<TableRow>().First().Elements<TableCell>().Select(c => c.InnerText).Take(2).SequenceEqual([codeHeader, codeHeader == "Code" ? "Indicator" : "指标"]))
            .Where(t => t.Elements<TableRow>().First().Elements<TableCell>().Count() == 6)
            .SelectMany(t => t.Elements<TableRow>().Skip(1))
            .Select(r => r.Elements<TableCell>().ToList())
            .Select(c => (c[0].InnerText, c[2].InnerText, c[3].InnerText, c[4].InnerText, c[5].InnerText, c[5].TableCellProperties?.Shading?.Fill?.Value))
            .ToList();

    /// <summary>A figure as an English reader reads it, from the API's number and unit word.</summary>
    private static string Figure(JsonElement value, string unit)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return "no data";
        }

        var number = value.GetDecimal();
        string N(decimal n) => n.ToString("#,0.####", CultureInfo.InvariantCulture);
        return unit switch
        {
            "percent" => $"{number.ToString("#,0.##", CultureInfo.InvariantCulture)}%",
            "count" => N(number),
            "months" => $"{N(number)} months",
            "days" => $"{N(number)} days",
            "years" => $"{N(number)} years",
            "usd" when number >= 1_000_000 => $"USD {N(decimal.Round(number / 1_000_000, 1, MidpointRounding.AwayFromZero))} million",
            "usd" => $"USD {N(number)}",
            _ => throw new InvalidOperationException($"unit {unit} is not in the seeded years"),
        };
    }
}
