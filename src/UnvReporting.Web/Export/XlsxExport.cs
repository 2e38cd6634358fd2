using System.Globalization;
using System.IO.Packaging;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using UnvReporting.Domain.Results;
using UnvReporting.Web.Api.V1;
using UnvReporting.Web.Infrastructure;

namespace UnvReporting.Web.Export;

/// <summary>
/// An XLSX export being written. Each sheet is written row by row with the SAX
/// <see cref="OpenXmlWriter"/> into a temporary file, and the finished file is then copied to the
/// response: neither the rows nor the workbook are ever held in memory whole. The package is
/// opened write-only because a read-write zip keeps every part in memory until it is closed.
/// </summary>
public sealed class XlsxExport : IDisposable
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private readonly FileStream _file;
    private readonly Package _package;
    private readonly SpreadsheetDocument _document;
    private readonly WorkbookPart _workbook;
    private readonly Sheets _sheets = new();
    private readonly DefinedNames _filters = new();
    private bool _finished;

    public XlsxExport()
    {
        _file = new FileStream(
            Path.Combine(Path.GetTempPath(), "unv-export-" + Path.GetRandomFileName()),
            FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        _package = Package.Open(_file, FileMode.Create, FileAccess.Write);
        _document = SpreadsheetDocument.Create(_package, SpreadsheetDocumentType.Workbook);
        _workbook = _document.AddWorkbookPart();
        _workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = ExportStyles.Stylesheet();
    }

    /// <summary>A table: bold frozen header, an autofilter over every row, numbers as numbers, colours filled.</summary>
    public async Task AddTableAsync(string name, IReadOnlyList<ExportColumn> columns, IAsyncEnumerable<object?[]> rows, CancellationToken cancellationToken)
    {
        var (part, writer) = StartSheet(columns);
        string range;
        using (writer)
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
        AddToWorkbook(part, name);
    }

    public Task AddTableAsync(string name, IReadOnlyList<ExportColumn> columns, IEnumerable<object?[]> rows, CancellationToken cancellationToken) =>
        AddTableAsync(name, columns, rows.ToAsyncEnumerable(), cancellationToken);

    /// <summary>A sheet of short texts for people (the notes): blocks of rows, a bold row heading each block.</summary>
    public void AddTextSheet(string name, IReadOnlyList<double> widths, IEnumerable<(bool Heading, string?[] Cells)> rows)
    {
        var columns = widths.Select(w => new ExportColumn(string.Empty, ColumnKind.Text, w)).ToList();
        var (part, writer) = StartSheet(columns, frozenHeader: false);
        using (writer)
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

        AddToWorkbook(part, name);
    }

    /// <summary>Closes the workbook and sends it as an attachment; the temporary file goes when the response is done.</summary>
    public IResult ToResult(string fileName)
    {
        Finish();
        _file.Position = 0;
        return Results.File(_file, ContentType, fileName);
    }

    public void Dispose()
    {
        if (!_finished)
        {
            _document.Dispose();
            _package.Close();
            _file.Dispose();
        }
    }

    private void Finish()
    {
        _workbook.Workbook = new Workbook(_sheets);
        if (_filters.HasChildren)
        {
            _workbook.Workbook.Append(_filters);
        }

        _workbook.Workbook.Save();
        _document.Dispose();
        _package.Close();
        _finished = true;
    }

    private (WorksheetPart Part, OpenXmlWriter Writer) StartSheet(IReadOnlyList<ExportColumn> columns, bool frozenHeader = true)
    {
        var part = _workbook.AddNewPart<WorksheetPart>();
        var writer = OpenXmlWriter.Create(part);
        writer.WriteStartElement(new Worksheet());
        var view = new SheetView { TabSelected = _sheets.ChildElements.Count == 0, WorkbookViewId = 0 };
        if (frozenHeader)
        {
            // The header stays in view while scrolling: the pane is frozen below row 1.
            view.Append(new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen });
        }

        writer.WriteElement(new SheetViews(view));
        writer.WriteElement(new Columns(columns.Select((c, i) => new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = c.Width, CustomWidth = true })));
        writer.WriteStartElement(new SheetData());
        return (part, writer);
    }

    private void AddToWorkbook(WorksheetPart part, string name) =>
        _sheets.Append(new Sheet { Id = _workbook.GetIdOfPart(part), SheetId = (uint)_sheets.ChildElements.Count + 1, Name = name });

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
                decimal d => NumberCell(i, number, Import.SheetFields.Show(d)!, columns[i].Kind),
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
}
