using System.Globalization;
using System.Text;
using System.Text.Json;
using CsvHelper;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using UnvReporting.Web.Tests.Support;

namespace UnvReporting.Web.Tests.Features.Export;

/// <summary>Reads exports back as a spreadsheet program would, to compare them with the API value by value.</summary>
public static class ExportFiles
{
    public static readonly byte[] ByteOrderMark = [0xEF, 0xBB, 0xBF];

    public static async Task<byte[]> DownloadAsync(this HttpClient client, string path, string mediaType)
    {
        var response = await client.GetAsync(path);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        ((int)response.StatusCode).ShouldBe(200, Encoding.UTF8.GetString(bytes));
        response.Content.Headers.ContentType.ShouldNotBeNull().MediaType.ShouldBe(mediaType);
        response.Content.Headers.ContentDisposition.ShouldNotBeNull().DispositionType.ShouldBe("attachment");
        response.Content.Headers.ContentDisposition!.FileName.ShouldBe(FileName(path));
        return bytes;
    }

    /// <summary>/export/2021/indicators.xlsx is served as unv-2021-indicators.xlsx; /export/indicators.xlsx as unv-indicators.xlsx.</summary>
    public static string FileName(string path) =>
        "unv-" + string.Join("-", path.Split('?')[0].Replace("/frameworks/", "/framework/", StringComparison.Ordinal).Split('/', StringSplitOptions.RemoveEmptyEntries).Skip(1));

    public static Task<byte[]> CsvAsync(this HttpClient client, string path) => client.DownloadAsync(path, "text/csv");

    public static Task<byte[]> XlsxAsync(this HttpClient client, string path) =>
        client.DownloadAsync(path, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    /// <summary>The rows of a CSV export, each by header.</summary>
    public static List<Dictionary<string, string>> CsvRows(byte[] bytes)
    {
        using var reader = new StreamReader(new MemoryStream(bytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();
        var header = csv.HeaderRecord!;
        var rows = new List<Dictionary<string, string>>();
        while (csv.Read())
        {
            rows.Add(header.Select((h, i) => (h, csv.GetField(i)!)).ToDictionary(p => p.h, p => p.Item2));
        }

        return rows;
    }

    public static SpreadsheetDocument OpenXlsx(byte[] bytes) => SpreadsheetDocument.Open(new MemoryStream(bytes), false);

    public static List<string> SheetNames(this SpreadsheetDocument document) =>
        document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value!).ToList();

    public static Worksheet Worksheet(this SpreadsheetDocument document, string name)
    {
        var sheet = document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == name);
        return ((WorksheetPart)document.WorkbookPart.GetPartById(sheet.Id!)).Worksheet;
    }

    /// <summary>The data rows of a table sheet, each cell that holds a value by its header.</summary>
    public static List<Dictionary<string, Cell>> TableRows(this SpreadsheetDocument document, string name)
    {
        var rows = document.Worksheet(name).GetFirstChild<SheetData>()!.Elements<Row>().ToList();
        var header = rows[0].Elements<Cell>().Where(HasValue).ToDictionary(Column, Text);
        return rows.Skip(1)
            .Select(r => r.Elements<Cell>().Where(HasValue).ToDictionary(c => header[Column(c)], c => c))
            .ToList();
    }

    /// <summary>The cell's text; an empty cell element (<c>&lt;c r="F2"/&gt;</c>), which spreadsheet programs show as blank, gives "".</summary>
    public static string Text(this Cell cell) =>
        cell.DataType?.Value == CellValues.InlineString ? cell.InlineString!.InnerText : cell.CellValue?.Text ?? string.Empty;

    private static bool HasValue(Cell cell) => cell.CellValue is not null || cell.InlineString is not null;

    /// <summary>The number format code a cell is shown with ("#,##0", "0.00"; "General" for none).</summary>
    public static string NumberFormatOf(SpreadsheetDocument document, Cell cell)
    {
        var styles = document.WorkbookPart!.WorkbookStylesPart!.Stylesheet;
        var id = styles.CellFormats!.Elements<CellFormat>().ElementAt((int)(cell.StyleIndex?.Value ?? 0)).NumberFormatId?.Value ?? 0;
        return styles.NumberingFormats?.Elements<NumberingFormat>().SingleOrDefault(f => f.NumberFormatId?.Value == id)?.FormatCode?.Value
            ?? (id == 0 ? "General" : $"built-in {id}");
    }

    /// <summary>The RGB of a cell's fill, or null when it has none.</summary>
    public static string? FillOf(SpreadsheetDocument document, Cell cell)
    {
        var styles = document.WorkbookPart!.WorkbookStylesPart!.Stylesheet;
        var format = styles.CellFormats!.Elements<CellFormat>().ElementAt((int)(cell.StyleIndex?.Value ?? 0));
        return styles.Fills!.Elements<Fill>().ElementAt((int)(format.FillId?.Value ?? 0)).PatternFill?.ForegroundColor?.Rgb?.Value;
    }

    public static bool IsNumber(this Cell cell) => cell.DataType is null || cell.DataType.Value == CellValues.Number;

    public static string? Get(this Dictionary<string, Cell> row, string header) => row.TryGetValue(header, out var cell) ? cell.Text() : null;

    private static string Column(Cell cell) => new(cell.CellReference!.Value!.TakeWhile(char.IsLetter).ToArray());

    /// <summary>The indicator table of a year as the API gives it, by key.</summary>
    public static async Task<Dictionary<string, JsonElement>> ApiIndicatorsAsync(this HttpClient client, int year) =>
        (await client.GetJsonAsync($"/api/v1/years/{year}/indicators")).EnumerateArray().ToDictionary(i => i.GetProperty("key").GetString()!);

    /// <summary>The flags as the exports write them, rebuilt from the API's flag objects.</summary>
    public static string? ApiFlags(JsonElement indicator)
    {
        var flags = indicator.GetProperty("flags").EnumerateArray()
            .Select(f => $"{f.GetProperty("code").GetString()} (computed {Word(f.GetProperty("computed")) ?? "none"}, published {Word(f.GetProperty("published"))})")
            .ToList();
        return flags.Count == 0 ? null : string.Join("; ", flags);
    }

    public static string? Word(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.String => value.GetString(),
        _ => value.GetRawText(),
    };

    /// <summary>An empty CSV field and a missing XLSX cell both stand for null.</summary>
    public static string? NullIfEmpty(this string? text) => string.IsNullOrEmpty(text) ? null : text;
}
