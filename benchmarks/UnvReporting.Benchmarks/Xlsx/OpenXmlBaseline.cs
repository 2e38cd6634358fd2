using System.Globalization;
using System.IO.Compression;
using System.Xml.Linq;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using UnvReporting.Domain.Results;
using UnvReporting.Web.Platform.Files;
using UnvReporting.Web.Platform.Text;
using ExportStyles = UnvReporting.Benchmarks.Xlsx.OpenXmlBaselineStyles;

namespace UnvReporting.Benchmarks.Xlsx;

/// <summary>
/// The XLSX writer the product had until ADR-013 (docs/decisions/ADR-013-one-xlsx-writer.md), kept
/// here unchanged but for its last step, to measure the product's writer against it: the xlsx
/// command of this tool. The product's own copy was removed; this one is benchmark code only.
///
/// An XLSX export being written. Each sheet is written row by row with the SAX
/// <see cref="OpenXmlWriter"/> into a temporary file, and the finished file is then copied to the
/// response: neither the rows nor the workbook are ever held in memory whole. The zip is written
/// directly rather than through <see cref="SpreadsheetDocument"/>, because the SDK needs a
/// read-write package and a read-write zip keeps every part in memory until it is closed.
/// </summary>
public sealed class OpenXmlBaseline : IDisposable
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private const string Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    private readonly FileStream _file;
    private readonly ZipArchive _zip;
    private readonly Sheets _sheets = new();
    private readonly DefinedNames _filters = new();
    private bool _finished;

    public OpenXmlBaseline()
    {
        _file = new FileStream(
            Path.Combine(Path.GetTempPath(), "unv-export-" + Path.GetRandomFileName()),
            FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        _zip = new ZipArchive(_file, ZipArchiveMode.Create, leaveOpen: true);
    }

    /// <summary>A table: bold frozen header, an autofilter over every row, numbers as numbers, colours filled.</summary>
    public async Task AddTableAsync(string name, IReadOnlyList<ExportColumn> columns, IAsyncEnumerable<object?[]> rows, CancellationToken cancellationToken)
    {
        var (sheet, part) = StartSheet(columns);
        var writer = part.Writer;
        string range;
        using (part)
        {
            writer.WriteElement(HeaderRow(columns));
            uint number = 1;
            await foreach (var row in rows.WithCancellation(cancellationToken))
            {
                writer.WriteElement(DataRow(++number, columns, row));
            }

            writer.WriteEndElement(); // sheetData
            range = $"$A$1:${ColumnName(columns.Count - 1)}${number}";
            writer.WriteElement(new AutoFilter { Reference = range.Replace("$", string.Empty, StringComparison.Ordinal) });
            writer.WriteEndElement(); // worksheet
        }

        // Excel keeps the filter's range in a hidden name of the sheet as well.
        _filters.Append(new DefinedName($"'{name}'!{range}") { Name = "_xlnm._FilterDatabase", LocalSheetId = (uint)_sheets.ChildElements.Count, Hidden = true });
        AddToWorkbook(sheet, name);
    }

    public Task AddTableAsync(string name, IReadOnlyList<ExportColumn> columns, IEnumerable<object?[]> rows, CancellationToken cancellationToken) =>
        AddTableAsync(name, columns, rows.ToAsyncEnumerable(), cancellationToken);

    /// <summary>A sheet of short texts for people (the notes): blocks of rows, a bold row heading each block.</summary>
    public void AddTextSheet(string name, IReadOnlyList<double> widths, IEnumerable<(bool Heading, string?[] Cells)> rows)
    {
        var columns = widths.Select(w => new ExportColumn(string.Empty, ColumnKind.Text, w)).ToList();
        var (sheet, part) = StartSheet(columns, frozenHeader: false);
        var writer = part.Writer;
        using (part)
        {
            uint number = 0;
            foreach (var (heading, cells) in rows)
            {
                number++;
                var row = new Row { RowIndex = number };
                for (var i = 0; i < cells.Length; i++)
                {
                    if (TextCell(i, number, cells[i], heading ? ExportStyles.Header : ExportStyles.Wrapped) is { } cell)
                    {
                        row.Append(cell);
                    }
                }

                writer.WriteElement(row);
            }

            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        AddToWorkbook(sheet, name);
    }

    /// <summary>Closes the workbook (where the product sent the file as its answer) and gives its length.</summary>
    public long Close()
    {
        Finish();
        var length = _file.Length;
        _file.Dispose();
        return length;
    }

    public void Dispose()
    {
        if (!_finished)
        {
            _zip.Dispose();
            _file.Dispose();
        }
    }

    private void Finish()
    {
        var workbook = new Workbook(_sheets);
        if (_filters.HasChildren)
        {
            workbook.Append(_filters);
        }

        WritePart("xl/workbook.xml", workbook);
        WritePart("xl/styles.xml", ExportStyles.Stylesheet());
        var count = _sheets.ChildElements.Count;
        WriteText("xl/_rels/workbook.xml.rels", Relations(
            Enumerable.Range(1, count).Select(i => ($"rId{i}", "worksheet", $"worksheets/sheet{i}.xml"))
                .Append(($"rId{count + 1}", "styles", "styles.xml"))));
        WriteText("_rels/.rels", Relations([("rId1", "officeDocument", "xl/workbook.xml")]));
        WriteText("[Content_Types].xml", ContentTypes(count));
        _zip.Dispose();
        _finished = true;
    }

    private (int Number, PartWriter Part) StartSheet(IReadOnlyList<ExportColumn> columns, bool frozenHeader = true)
    {
        var number = _sheets.ChildElements.Count + 1;
        var part = new PartWriter(_zip, $"xl/worksheets/sheet{number}.xml");
        var writer = part.Writer;
        writer.WriteStartElement(new Worksheet());
        var view = new SheetView { TabSelected = number == 1, WorkbookViewId = 0 };
        if (frozenHeader)
        {
            // The header stays in view while scrolling: the pane is frozen below row 1.
            view.Append(new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen });
        }

        writer.WriteElement(new SheetViews(view));
        writer.WriteElement(new Columns(columns.Select((c, i) => new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = c.Width, CustomWidth = true })));
        writer.WriteStartElement(new SheetData());
        return (number, part);
    }

    private void AddToWorkbook(int number, string name) =>
        _sheets.Append(new Sheet { Id = $"rId{number}", SheetId = (uint)number, Name = name });

    private void WritePart(string path, OpenXmlElement root)
    {
        using var part = new PartWriter(_zip, path);
        part.Writer.WriteElement(root);
    }

    private void WriteText(string path, XDocument document)
    {
        using var stream = _zip.CreateEntry(path, CompressionLevel.Fastest).Open();
        document.Save(stream);
    }

    private static XDocument Relations(IEnumerable<(string Id, string Type, string Target)> relations)
    {
        XNamespace ns = "http://schemas.openxmlformats.org/package/2006/relationships";
        return new XDocument(new XElement(ns + "Relationships", relations.Select(r =>
            new XElement(ns + "Relationship", new XAttribute("Id", r.Id), new XAttribute("Type", $"{Relationships}/{r.Type}"), new XAttribute("Target", r.Target)))));
    }

    private static XDocument ContentTypes(int sheets)
    {
        XNamespace ns = "http://schemas.openxmlformats.org/package/2006/content-types";
        const string Main = "application/vnd.openxmlformats-officedocument.spreadsheetml.";
        XElement Override(string part, string type) => new(ns + "Override", new XAttribute("PartName", part), new XAttribute("ContentType", Main + type));
        return new XDocument(new XElement(
            ns + "Types",
            new XElement(ns + "Default", new XAttribute("Extension", "rels"), new XAttribute("ContentType", "application/vnd.openxmlformats-package.relationships+xml")),
            new XElement(ns + "Default", new XAttribute("Extension", "xml"), new XAttribute("ContentType", "application/xml")),
            Override("/xl/workbook.xml", "sheet.main+xml"),
            Override("/xl/styles.xml", "styles+xml"),
            Enumerable.Range(1, sheets).Select(i => Override($"/xl/worksheets/sheet{i}.xml", "worksheet+xml"))));
    }

    private static Row HeaderRow(IReadOnlyList<ExportColumn> columns)
    {
        var row = new Row { RowIndex = 1 };
        for (var i = 0; i < columns.Count; i++)
        {
            row.Append(TextCell(i, 1, columns[i].Header, ExportStyles.Header)!);
        }

        return row;
    }

    private static Row DataRow(uint number, IReadOnlyList<ExportColumn> columns, object?[] values)
    {
        var row = new Row { RowIndex = number };
        for (var i = 0; i < columns.Count; i++)
        {
            var cell = values[i] switch
            {
                null => null,
                Rating rating => TextCell(i, number, Words.Rating(rating), ExportStyles.Filled(rating)),
                decimal d => NumberCell(i, number, UnvReporting.Web.Features.Staff.Years.Import.SheetFields.Show(d)!, columns[i].Kind),
                IFormattable n and not DateTimeOffset => NumberCell(i, number, n.ToString(null, CultureInfo.InvariantCulture), columns[i].Kind),
                var other => TextCell(i, number, other.ToString(), null),
            };
            if (cell is not null)
            {
                row.Append(cell);
            }
        }

        return row;
    }

    private static Cell NumberCell(int column, uint row, string value, ColumnKind kind) => new()
    {
        CellReference = ColumnName(column) + row.ToString(CultureInfo.InvariantCulture),
        DataType = CellValues.Number,
        CellValue = new CellValue(value),
        StyleIndex = ExportStyles.Number(kind),
    };

    // Inline strings keep the writer streaming: a shared-string table would grow with the data.
    private static Cell? TextCell(int column, uint row, string? text, uint? style)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var cell = new Cell
        {
            CellReference = ColumnName(column) + row.ToString(CultureInfo.InvariantCulture),
            DataType = CellValues.InlineString,
            InlineString = new InlineString(new Text(FormulaGuard.Neutralise(text)) { Space = SpaceProcessingModeValues.Preserve }),
        };
        if (style is { } s)
        {
            cell.StyleIndex = s;
        }

        return cell;
    }

    /// <summary>A, B, ... Z, AA, AB ...</summary>
    internal static string ColumnName(int index)
    {
        var name = string.Empty;
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }

        return name;
    }

    /// <summary>
    /// A zip entry being written with the SAX writer. The writer does not close the entry's stream,
    /// and the zip accepts no new entry while one is open, so both are closed here.
    /// </summary>
    private sealed class PartWriter : IDisposable
    {
        private readonly Stream _stream;

        public PartWriter(ZipArchive zip, string path)
        {
            _stream = zip.CreateEntry(path, CompressionLevel.Fastest).Open();
            Writer = OpenXmlWriter.Create(_stream);
            Writer.WriteStartDocument(true);
        }

        public OpenXmlWriter Writer { get; }

        public void Dispose()
        {
            Writer.Close();
            _stream.Dispose();
        }
    }
}
