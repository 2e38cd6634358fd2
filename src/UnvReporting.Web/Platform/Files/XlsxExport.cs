using SpreadCheetah;
using SpreadCheetah.Styling;
using SpreadCheetah.Worksheets;

namespace UnvReporting.Web.Platform.Files;

/// <summary>What a table sheet is for, which decides whether it gets a filter.</summary>
public enum TableUse
{
    /// <summary>A download: an autofilter over the rows.</summary>
    Export,

    /// <summary>An import template, a form to fill in: no filter.</summary>
    ImportTemplate,
}

/// <summary>
/// An XLSX workbook being written: the product's one XLSX writer, for the downloads and the import
/// templates (docs/decisions/ADR-013-one-xlsx-writer.md). Sheets are written row by row with
/// SpreadCheetah, so neither the rows nor the workbook are held in memory whole (docs/performance.md
/// has the measurements against the OpenXmlWriter it replaced). The rows go into a draft, a
/// temporary file that <see cref="WorkbookFinish"/> copies into the output with the print set-up
/// and names SpreadCheetah does not write. A download is itself a temporary file, sent once
/// finished: the zip writes the end of each part and its directory with synchronous writes, which
/// the server refuses on a response, and a finished file answers with an error rather than a
/// cut-off download when a query fails half-way. Text cells are inline strings, which a
/// spreadsheet program never runs as a formula: unlike CSV (<see cref="FormulaGuard"/>) they are
/// written as they are, with no apostrophe in front.
/// </summary>
public sealed class XlsxExport : IAsyncDisposable
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static readonly SpreadCheetahOptions Options = new()
    {
        CompressionLevel = SpreadCheetahCompressionLevel.Fastest,

        // Cell references and kept spaces, as the files had them before: some readers need the
        // references, and a text is the text entered, leading spaces and all.
        WriteCellReferenceAttributes = true,
        PreserveStringWhitespace = true,
    };

    private readonly Stream _output;
    private readonly bool _ownsOutput;
    private readonly Stream _draft;
    private readonly Spreadsheet _spreadsheet;
    private readonly ExportStyles _styles;
    private readonly List<SheetLayout> _sheets = [];
    private readonly IStringLocalizer<SharedResource>? _chinese;
    private bool _handedOver;

    private XlsxExport(Stream output, bool ownsOutput, Stream draft, Spreadsheet spreadsheet, IStringLocalizer<SharedResource>? chinese)
    {
        _output = output;
        _ownsOutput = ownsOutput;
        _draft = draft;
        _spreadsheet = spreadsheet;
        _chinese = chinese;
        _styles = new ExportStyles(spreadsheet, chinese: chinese is not null);
    }

    /// <summary>A workbook for a download, written into a temporary file that goes when the response is done (<see cref="ToResultAsync"/>).</summary>
    /// <remarks>
    /// When the reader's language is Chinese (<paramref name="text"/> then gives Chinese) the
    /// workbook is Chinese: its sheet names, headers, colour, unit and qualifier words and unit
    /// formats. Rows carry the enums, not their words, so that one row serves both languages and
    /// CSV, whose columns are a contract for programs, stays English.
    /// </remarks>
    public static Task<XlsxExport> StartAsync(IStringLocalizer<SharedResource> text, CancellationToken cancellationToken) =>
        StartAsync(TemporaryFile(), ownsOutput: true, Localization.IsChinese ? text : null, cancellationToken);

    /// <summary>An English workbook written into <paramref name="output"/>, which stays the caller's.</summary>
    public static Task<XlsxExport> StartAsync(Stream output, CancellationToken cancellationToken) =>
        StartAsync(output, ownsOutput: false, chinese: null, cancellationToken);

    /// <summary>A column's header in the workbook's language (the sheets are named by the caller).</summary>
    private string Header(ExportColumn column) => _chinese?[column.Header] ?? column.Header;

    /// <summary>
    /// A table: a bold, shaded header frozen in place, numbers as numbers, colours filled, and for
    /// <see cref="TableUse.Export"/> an autofilter. The filter's range is written before the rows,
    /// so the caller says how many there are; should the data change between that count and the
    /// read, the rows are all written and the filter covers the counted ones.
    /// </summary>
    public async Task AddTableAsync(
        string name, IReadOnlyList<ExportColumn> columns, int rowCount, IAsyncEnumerable<object?[]> rows, CancellationToken cancellationToken, TableUse use = TableUse.Export)
    {
        var options = SheetOptions(columns.Select(c => c.Width), frozenHeader: true);
        string? range = null;
        if (use == TableUse.Export)
        {
            range = $"A1:{ColumnName(columns.Count - 1)}{rowCount + 1}";
            options.AutoFilter = new AutoFilterOptions(range);
        }

        await StartSheetAsync(name, options, range, repeatHeader: true, cancellationToken);
        var cells = new Cell[columns.Count];
        var length = 0;
        for (var i = 0; i < columns.Count; i++)
        {
            Put(cells, i, TextCell(Header(columns[i]), _styles.Header), ref length);
        }

        await _spreadsheet.AddRowAsync(cells.AsMemory(0, length), cancellationToken);
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            length = 0;
            for (var i = 0; i < columns.Count; i++)
            {
                Put(cells, i, DataCell(row[i], columns[i].Kind), ref length);
            }

            await _spreadsheet.AddRowAsync(cells.AsMemory(0, length), cancellationToken);
        }
    }

    public Task AddTableAsync(
        string name, IReadOnlyList<ExportColumn> columns, int rowCount, IEnumerable<object?[]> rows, CancellationToken cancellationToken, TableUse use = TableUse.Export) =>
        AddTableAsync(name, columns, rowCount, rows.ToAsyncEnumerable(), cancellationToken, use);

    /// <summary>A sheet of short texts for people (the notes): blocks of rows, a bold row heading each block.</summary>
    public async Task AddTextSheetAsync(string name, IReadOnlyList<double> widths, IEnumerable<(bool Heading, string?[] Cells)> rows, CancellationToken cancellationToken)
    {
        await StartSheetAsync(name, SheetOptions(widths, frozenHeader: false), filterRange: null, repeatHeader: false, cancellationToken);
        foreach (var (heading, texts) in rows)
        {
            var cells = new Cell[texts.Length];
            var length = 0;
            for (var i = 0; i < texts.Length; i++)
            {
                Put(cells, i, TextCell(texts[i], heading ? _styles.Header : _styles.Wrapped), ref length);
            }

            await _spreadsheet.AddRowAsync(cells.AsMemory(0, length), cancellationToken);
        }
    }

    /// <summary>Closes the workbook. Nothing can be added afterwards.</summary>
    public async Task FinishAsync(CancellationToken cancellationToken)
    {
        await _spreadsheet.FinishAsync(cancellationToken);
        await WorkbookFinish.CopyAsync(_draft, _output, _sheets, cancellationToken);
    }

    /// <summary>Closes the workbook and sends it as an attachment; the temporary file goes when the response is done.</summary>
    public async Task<IResult> ToResultAsync(string fileName, CancellationToken cancellationToken)
    {
        await FinishAsync(cancellationToken);
        _output.Position = 0;

        // The result owns the file from here on, and deletes it once sent.
        _handedOver = true;
        return Results.File(_output, ContentType, fileName);
    }

    public async ValueTask DisposeAsync()
    {
        await _spreadsheet.DisposeAsync();
        await _draft.DisposeAsync();
        if (_ownsOutput && !_handedOver)
        {
            await _output.DisposeAsync();
        }
    }

    /// <summary>A, B, ... Z, AA, AB ...</summary>
    private static string ColumnName(int index)
    {
        var name = string.Empty;
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }

        return name;
    }

    private static async Task<XlsxExport> StartAsync(Stream output, bool ownsOutput, IStringLocalizer<SharedResource>? chinese, CancellationToken cancellationToken)
    {
        var draft = TemporaryFile();
        try
        {
            return new XlsxExport(output, ownsOutput, draft, await Spreadsheet.CreateNewAsync(draft, Options, cancellationToken), chinese);
        }
        catch
        {
            await draft.DisposeAsync();
            if (ownsOutput)
            {
                await output.DisposeAsync();
            }

            throw;
        }
    }

    private static FileStream TemporaryFile() => new(
        Path.Combine(Path.GetTempPath(), "unv-export-" + Path.GetRandomFileName()),
        FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose | FileOptions.Asynchronous);

    private async Task StartSheetAsync(string name, WorksheetOptions options, string? filterRange, bool repeatHeader, CancellationToken cancellationToken)
    {
        await _spreadsheet.StartWorksheetAsync(name, options, cancellationToken);
        _sheets.Add(new SheetLayout(_sheets.Count, name, filterRange, repeatHeader));
    }

    private static WorksheetOptions SheetOptions(IEnumerable<double> widths, bool frozenHeader)
    {
        // The header stays in view while scrolling: the pane is frozen below row 1.
        var options = new WorksheetOptions { FrozenRows = frozenHeader ? 1 : null };
        var number = 1;
        foreach (var width in widths)
        {
            options.Column(number++).Width = width;
        }

        return options;
    }

    /// <summary>
    /// Places a cell and keeps the row's length at its last value, so that a row ends there. An
    /// empty cell between two values is written as an empty element (<c>&lt;c r="F2"/&gt;</c>),
    /// which spreadsheet programs and the import read as no cell.
    /// </summary>
    private static void Put(Cell[] cells, int index, Cell? cell, ref int length)
    {
        cells[index] = cell ?? default;
        if (cell is not null)
        {
            length = index + 1;
        }
    }

    private Cell? DataCell(object? value, ColumnKind kind) => value switch
    {
        null => null,
        Rating rating => TextCell(_chinese is null ? Words.Rating(rating) : Words.RatingName(rating, _chinese), _styles.Filled(rating)),
        Unit unit => TextCell(_chinese is null ? Words.Unit(unit) : Words.UnitName(unit, _chinese), null),
        Qualifier qualifier => TextCell(_chinese is null ? Words.Qualifier(qualifier) : Words.QualifierName(qualifier, _chinese), null),
        Measure measure => new Cell(measure.Value, _styles.Measure(measure)),
        int number => new Cell(number, _styles.Number(kind)),
        long number => new Cell(number, _styles.Number(kind)),
        decimal number => new Cell(number, _styles.Number(kind)),
        double number => new Cell(number, _styles.Number(kind)),
        string text => TextCell(text, null),
        var other => TextCell(other.ToString(), null),
    };

    // Inline strings keep the writer streaming: a shared-string table would grow with the data.
    private static Cell? TextCell(string? text, StyleId? style) =>
        string.IsNullOrEmpty(text) ? null : new Cell(text, style);
}
