using System.Text;
using System.Xml;
using CsvHelper;
using CsvHelper.Configuration;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace UnvReporting.Web.Features.Staff.Years.Import;

/// <summary>
/// Reads an uploaded XLSX or CSV file into <see cref="Sheet"/>s, refusing anything that is not
/// what it claims or is out of bounds. The format is decided by the content, never the name.
/// </summary>
public static class SpreadsheetReader
{
    public const string Xlsx = "xlsx";
    public const string Csv = "csv";

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>"xlsx" for a zip (PK\x03\x04), "csv" for UTF-8 text without NUL bytes; refused otherwise.</summary>
    public static string Sniff(byte[] content, IStringLocalizer<SharedResource> text)
    {
        if (content.Length == 0)
        {
            throw new SpreadsheetRefusedException(text["The file is empty."]);
        }

        if (content is [0x50, 0x4B, 0x03, 0x04, ..])
        {
            return Xlsx;
        }

        if (Array.IndexOf(content, (byte)0) >= 0)
        {
            throw NotASpreadsheet(text);
        }

        try
        {
            _ = StrictUtf8.GetCharCount(content);
        }
        catch (DecoderFallbackException)
        {
            throw NotASpreadsheet(text);
        }

        return Csv;
    }

    public static IReadOnlyList<Sheet> Read(byte[] content, string format, ImportLimits limits, IStringLocalizer<SharedResource> text) =>
        format == Xlsx ? ReadXlsx(content, limits, text) : [ReadCsv(content, limits, text)];

    private static List<Sheet> ReadXlsx(byte[] content, ImportLimits limits, IStringLocalizer<SharedResource> text)
    {
        ZipBounds.Check(content, limits, text);
        try
        {
            using var document = SpreadsheetDocument.Open(new MemoryStream(content, writable: false), isEditable: false);
            var workbook = document.WorkbookPart ?? throw new SpreadsheetRefusedException(text["The workbook has no sheets."]);
            var strings = SharedStrings(workbook);
            var percentStyles = PercentStyles(workbook);
            var sheets = new List<Sheet>();
            var rows = 0;
            foreach (var sheet in workbook.Workbook.Sheets?.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>() ?? [])
            {
                if (sheet.Id?.Value is not { } id || workbook.GetPartById(id) is not WorksheetPart part)
                {
                    continue;
                }

                var read = ReadWorksheet(sheet.Name?.Value ?? "Sheet", part, strings, percentStyles, limits, text, ref rows);
                if (read is not null)
                {
                    sheets.Add(read);
                }
            }

            return sheets;
        }
        catch (Exception exception) when (exception is OpenXmlPackageException or InvalidDataException or XmlException or InvalidOperationException or FormatException or IOException)
        {
            throw ZipBounds.Damaged(text);
        }
    }

    private static List<string> SharedStrings(WorkbookPart workbook)
    {
        var strings = new List<string>();
        if (workbook.SharedStringTablePart is not { } part)
        {
            return strings;
        }

        using var reader = OpenXmlReader.Create(part);
        while (reader.Read())
        {
            if (reader.ElementType == typeof(SharedStringItem) && reader.IsStartElement)
            {
                var item = (SharedStringItem)reader.LoadCurrentElement()!;

                // Phonetic guides (rPh) are annotations, not part of the text.
                strings.Add(string.Concat(item.Descendants<Text>().Where(t => t.Parent is not PhoneticRun).Select(t => t.Text)));
            }
        }

        return strings;
    }

    /// <summary>
    /// The cell styles that show a number as a percentage (built-in formats 9 and 10, or a custom
    /// format with a % sign). Typing "53%" in Excel stores 0.53 in such a cell.
    /// </summary>
    private static HashSet<uint> PercentStyles(WorkbookPart workbook)
    {
        var result = new HashSet<uint>();
        if (workbook.WorkbookStylesPart?.Stylesheet is not { } styles)
        {
            return result;
        }

        var percentFormats = new HashSet<uint> { 9, 10 };
        foreach (var format in styles.NumberingFormats?.Elements<NumberingFormat>() ?? [])
        {
            if (format.NumberFormatId?.Value is { } formatId && format.FormatCode?.Value?.Contains('%', StringComparison.Ordinal) == true)
            {
                percentFormats.Add(formatId);
            }
        }

        uint index = 0;
        foreach (var cellFormat in styles.CellFormats?.Elements<CellFormat>() ?? [])
        {
            if (cellFormat.NumberFormatId?.Value is { } formatId && percentFormats.Contains(formatId))
            {
                result.Add(index);
            }

            index++;
        }

        return result;
    }

    private static Sheet? ReadWorksheet(string name, WorksheetPart part, List<string> strings, HashSet<uint> percentStyles, ImportLimits limits, IStringLocalizer<SharedResource> text, ref int rowCount)
    {
        var rows = new List<SheetRow>();
        Dictionary<int, string>? header = null;
        var previousRow = 0;
        using var reader = OpenXmlReader.Create(part);
        while (reader.Read())
        {
            if (reader.ElementType != typeof(Row) || !reader.IsStartElement)
            {
                continue;
            }

            // One row at a time: the sheet is never loaded whole.
            var row = (Row)reader.LoadCurrentElement()!;
            var number = (int?)row.RowIndex?.Value ?? previousRow + 1;
            previousRow = number;
            var cells = new Dictionary<int, SheetCell>();
            var previousColumn = -1;
            foreach (var cell in row.Elements<Cell>())
            {
                var column = ColumnIndex(cell.CellReference?.Value) ?? previousColumn + 1;
                previousColumn = column;
                var value = CellValue(cell, strings, percentStyles, text);
                if (!value.IsEmpty)
                {
                    cells[column] = value;
                }
            }

            if (cells.Count == 0)
            {
                continue;
            }

            if (header is null)
            {
                header = cells.ToDictionary(c => c.Key, c => c.Value.Text.Trim());
                continue;
            }

            if (++rowCount > limits.MaxRows)
            {
                throw TooManyRows(limits, text);
            }

            rows.Add(new SheetRow(number, cells));
        }

        return header is null ? null : new Sheet(name, header, rows);
    }

    private static SheetCell CellValue(Cell cell, List<string> strings, HashSet<uint> percentStyles, IStringLocalizer<SharedResource> text)
    {
        var raw = cell.CellValue?.Text ?? string.Empty;
        var type = cell.DataType?.Value;
        if (type == CellValues.SharedString)
        {
            return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < strings.Count
                ? new SheetCell(strings[index])
                : throw new SpreadsheetRefusedException(text["Cell {0} refers to text the workbook does not hold; the file is damaged.", cell.CellReference?.Value ?? string.Empty]);
        }

        if (type == CellValues.InlineString)
        {
            return new SheetCell(cell.InlineString?.InnerText ?? string.Empty);
        }

        if (type is null || type == CellValues.Number)
        {
            if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || !double.IsFinite(number) || Math.Abs(number) > 1e20)
            {
                return new SheetCell(raw);
            }

            // Excel stores binary doubles; decimal's conversion keeps 15 significant digits, which
            // turns 40.299999999999997 back into the 40.3 that was typed.
            var value = (decimal)number;
            if (cell.StyleIndex?.Value is { } style && percentStyles.Contains(style))
            {
                value *= 100;
            }

            return new SheetCell(value.ToString(CultureInfo.InvariantCulture), value);
        }

        return new SheetCell(type == CellValues.Boolean ? (raw == "1" ? "TRUE" : "FALSE") : raw);
    }

    /// <summary>"C12" → 2.</summary>
    private static int? ColumnIndex(string? reference)
    {
        if (string.IsNullOrEmpty(reference))
        {
            return null;
        }

        var index = 0;
        var letters = 0;
        foreach (var c in reference)
        {
            if (c is < 'A' or > 'Z')
            {
                break;
            }

            index = (index * 26) + (c - 'A' + 1);
            if (++letters > 3)
            {
                return null;
            }
        }

        return letters == 0 ? null : index - 1;
    }

    private static Sheet ReadCsv(byte[] content, ImportLimits limits, IStringLocalizer<SharedResource> text)
    {
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            // Excel in many European settings saves CSV with semicolons.
            DetectDelimiter = true,
            HasHeaderRecord = false,
            MaxFieldSize = 20_000,
        };
        using var input = new StreamReader(new MemoryStream(content, writable: false), StrictUtf8, detectEncodingFromByteOrderMarks: true);
        using var parser = new CsvParser(input, configuration);
        Dictionary<int, string>? header = null;
        var rows = new List<SheetRow>();
        try
        {
            while (parser.Read())
            {
                var cells = new Dictionary<int, SheetCell>();
                var record = parser.Record ?? [];
                for (var column = 0; column < record.Length; column++)
                {
                    var cell = new SheetCell(Unescape(record[column]));
                    if (!cell.IsEmpty)
                    {
                        cells[column] = cell;
                    }
                }

                if (cells.Count == 0)
                {
                    continue;
                }

                if (header is null)
                {
                    header = cells.ToDictionary(c => c.Key, c => c.Value.Text.Trim());
                    continue;
                }

                if (rows.Count >= limits.MaxRows)
                {
                    throw TooManyRows(limits, text);
                }

                rows.Add(new SheetRow(parser.Row, cells));
            }
        }
        catch (CsvHelperException exception)
        {
            throw new SpreadsheetRefusedException(text["The CSV file could not be read near row {0}: check its quotes, or save it again as 'CSV UTF-8'.", exception.Context?.Parser?.Row ?? 0]);
        }

        return new Sheet("CSV", header ?? throw new SpreadsheetRefusedException(text["The file has no header row."]), rows);
    }

    /// <summary>
    /// The CSV template writes a text that a spreadsheet program would run as a formula behind an
    /// apostrophe (<see cref="FormulaGuard"/>); reading takes the apostrophe off again.
    /// </summary>
    public static string Unescape(string text) => FormulaGuard.Restore(text);

    /// <summary>The other direction of <see cref="Unescape"/>.</summary>
    public static string Escape(string text) => FormulaGuard.Neutralise(text);

    private static SpreadsheetRefusedException TooManyRows(ImportLimits limits, IStringLocalizer<SharedResource> text) =>
        new(text["The file has more than {0:N0} rows; split it into smaller files.", limits.MaxRows]);

    private static SpreadsheetRefusedException NotASpreadsheet(IStringLocalizer<SharedResource> text) =>
        new(text["The file is neither an Excel workbook (.xlsx) nor a CSV file saved as UTF-8 text."]);
}
