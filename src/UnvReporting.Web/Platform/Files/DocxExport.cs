using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using WordText = DocumentFormat.OpenXml.Wordprocessing.Text;

namespace UnvReporting.Web.Platform.Files;

/// <summary>A column of a Word table: its header and its width in twentieths of a point.</summary>
public sealed record DocxColumn(string Header, int Width, bool Figure = false);

/// <summary>A table cell: its text, a second smaller line, and a fill colour (RRGGBB) for a rating.</summary>
public sealed record DocxCell(string? Text, string? Fill = null, string? SecondLine = null);

/// <summary>
/// A Word document being written, for the Board pack (docs/exports.md): A4, page numbers in the
/// footer, an optional watermark text in the header, headings that a table of contents lists.
/// The body is written element by element with <see cref="OpenXmlWriter"/>, so a table's rows
/// go out as they come and the document is never held as one tree or one string. (The zip
/// container still keeps each part until it closes: the SDK opens packages for reading and
/// writing only, and refuses a stream it cannot read. A year's pack is about 80 KB of XML.) Like
/// <see cref="XlsxExport"/> it is written into a temporary file and sent once finished: the zip
/// writes with synchronous calls, which the server refuses on a response, and a query failing
/// half-way then answers with an error rather than a cut-off document.
/// </summary>
/// <remarks>The only fields are PAGE and TOC; settings ask Word to refresh the contents on opening.</remarks>
public sealed class DocxExport : IAsyncDisposable
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    // A4 in twentieths of a point, with 2 cm margins.
    private const int ShortSide = 11906;
    private const int LongSide = 16838;
    private const int Margin = 1134;

    private const string HeaderFill = "DDEBF7";

    private readonly FileStream _file;
    private readonly WordprocessingDocument _document;
    private readonly OpenXmlWriter _writer;
    private readonly string _footerId;
    private readonly string? _headerId;
    private bool _landscape;
    private bool _finished;
    private bool _handedOver;

    private DocxExport(FileStream file, WordprocessingDocument document, OpenXmlWriter writer, string footerId, string? headerId)
    {
        _file = file;
        _document = document;
        _writer = writer;
        _footerId = footerId;
        _headerId = headerId;
    }

    /// <summary>Width of the text on a page, for tables that fill it.</summary>
    public int TextWidth => (_landscape ? LongSide : ShortSide) - 2 * Margin;

    /// <summary>Starts a document whose every page shows <paramref name="watermark"/> in its header, when given.</summary>
    /// <param name="language">The document's language tag (en-GB, zh-CN), for spelling and for the Chinese font.</param>
    public static DocxExport Start(string language, string? watermark)
    {
        var file = new FileStream(
            Path.Combine(Path.GetTempPath(), "unv-export-" + Path.GetRandomFileName()),
            FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose);
        try
        {
            var document = WordprocessingDocument.Create(file, WordprocessingDocumentType.Document);
            var main = document.AddMainDocumentPart();
            DocxParts.AddStyles(main, language);
            DocxParts.AddSettings(main);
            var footerId = DocxParts.AddFooter(main);
            var headerId = watermark is null ? null : DocxParts.AddWatermark(main, watermark);

            var writer = OpenXmlWriter.Create(main);
            writer.WriteStartDocument();
            writer.WriteStartElement(new Document(), [], [new("w", DocxParts.W), new("r", DocxParts.R)]);
            writer.WriteStartElement(new Body());
            return new DocxExport(file, document, writer, footerId, headerId);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    public void Paragraph(string? text, string? style = null, bool pageBreakBefore = false)
    {
        var properties = new ParagraphProperties { ParagraphStyleId = style is null ? null : new ParagraphStyleId { Val = style } };
        if (pageBreakBefore)
        {
            properties.PageBreakBefore = new PageBreakBefore();
        }

        _writer.WriteElement(new Paragraph(properties, TextRun(text ?? string.Empty)));
    }

    /// <summary>A heading of level 1 or 2: the contents list these.</summary>
    public void Heading(int level, string text, bool pageBreakBefore = false) =>
        Paragraph(text, level == 1 ? "Heading1" : "Heading2", pageBreakBefore);

    /// <summary>
    /// A TOC field over the level 1 and 2 headings. Its result, which a reader that does not
    /// update fields shows, is the list of those headings written here, without page numbers
    /// (only Word knows them; it fills them in when it updates the field on opening).
    /// </summary>
    public void TableOfContents(IReadOnlyList<(int Level, string Text)> headings)
    {
        var first = new Paragraph(
            new ParagraphProperties { ParagraphStyleId = new ParagraphStyleId { Val = "TOC1" } },
            new Run(new FieldChar { FieldCharType = FieldCharValues.Begin }),
            new Run(new FieldCode(" TOC \\o \"1-2\" \\h \\z \\u ") { Space = SpaceProcessingModeValues.Preserve }),
            new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }));
        for (var i = 0; i < headings.Count; i++)
        {
            var (level, text) = headings[i];
            var paragraph = i == 0 ? first : new Paragraph(new ParagraphProperties { ParagraphStyleId = new ParagraphStyleId { Val = level == 1 ? "TOC1" : "TOC2" } });
            paragraph.Append(TextRun(text));
            if (i == headings.Count - 1)
            {
                paragraph.Append(new Run(new FieldChar { FieldCharType = FieldCharValues.End }));
            }

            _writer.WriteElement(paragraph);
        }
    }

    /// <summary>Starts a table: its grid and a header row that Word repeats on each page.</summary>
    public void StartTable(IReadOnlyList<DocxColumn> columns)
    {
        _writer.WriteStartElement(new Table());
        _writer.WriteElement(new TableProperties(
            new TableWidth { Width = columns.Sum(c => c.Width).ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
            new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4, Color = "808080" },
                new LeftBorder { Val = BorderValues.Single, Size = 4, Color = "808080" },
                new BottomBorder { Val = BorderValues.Single, Size = 4, Color = "808080" },
                new RightBorder { Val = BorderValues.Single, Size = 4, Color = "808080" },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4, Color = "808080" },
                new InsideVerticalBorder { Val = BorderValues.Single, Size = 4, Color = "808080" }),
            new TableLayout { Type = TableLayoutValues.Fixed },
            new TableCellMarginDefault(
                new TopMargin { Width = "30", Type = TableWidthUnitValues.Dxa },
                new TableCellLeftMargin { Width = 80, Type = TableWidthValues.Dxa },
                new BottomMargin { Width = "30", Type = TableWidthUnitValues.Dxa },
                new TableCellRightMargin { Width = 80, Type = TableWidthValues.Dxa })));
        _writer.WriteElement(new TableGrid(columns.Select(c => new GridColumn { Width = c.Width.ToString(CultureInfo.InvariantCulture) })));

        var header = new TableRow(new TableRowProperties(new CantSplit(), new TableHeader()));
        header.Append(columns.Select(c => Cell(c, new DocxCell(c.Header, HeaderFill), bold: true)));
        _writer.WriteElement(header);
    }

    public void Row(IReadOnlyList<DocxColumn> columns, IReadOnlyList<DocxCell> cells)
    {
        var row = new TableRow(new TableRowProperties(new CantSplit()));
        row.Append(columns.Select((c, i) => Cell(c, cells[i], bold: false)));
        _writer.WriteElement(row);
    }

    public void EndTable()
    {
        _writer.WriteEndElement();

        // Two tables in a row would merge into one; a paragraph after each keeps them apart.
        _writer.WriteElement(new Paragraph(new ParagraphProperties { ParagraphStyleId = new ParagraphStyleId { Val = "AfterTable" } }));
    }

    /// <summary>Ends the pages so far and starts a new section, landscape for wide tables.</summary>
    public void StartSection(bool landscape)
    {
        _writer.WriteElement(new Paragraph(new ParagraphProperties { SectionProperties = Section() }));
        _landscape = landscape;
    }

    /// <summary>Closes the document and sends it as an attachment; the temporary file goes when the response is done.</summary>
    public IResult ToResult(string fileName)
    {
        Finish();
        _file.Position = 0;
        _handedOver = true;
        return Results.File(_file, ContentType, fileName);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_finished)
        {
            _writer.Dispose();
            _document.Dispose();
        }

        if (!_handedOver)
        {
            await _file.DisposeAsync();
        }
    }

    private void Finish()
    {
        _writer.WriteElement(Section());
        _writer.WriteEndElement();
        _writer.WriteEndElement();
        _writer.Close();
        _writer.Dispose();
        _document.Dispose();
        _finished = true;
    }

    private SectionProperties Section()
    {
        var section = new SectionProperties();
        if (_headerId is not null)
        {
            section.Append(new HeaderReference { Type = HeaderFooterValues.Default, Id = _headerId });
        }

        section.Append(
            new FooterReference { Type = HeaderFooterValues.Default, Id = _footerId },
            _landscape
                ? new PageSize { Width = LongSide, Height = ShortSide, Orient = PageOrientationValues.Landscape }
                : new PageSize { Width = ShortSide, Height = LongSide },
            new PageMargin { Top = Margin, Bottom = Margin, Left = (uint)Margin, Right = (uint)Margin, Header = 567, Footer = 567, Gutter = 0 });
        return section;
    }

    private static TableCell Cell(DocxColumn column, DocxCell cell, bool bold)
    {
        var properties = new TableCellProperties(new TableCellWidth { Width = column.Width.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa });
        if (cell.Fill is { } fill)
        {
            properties.Append(new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = fill });
        }

        var alignment = column.Figure && !bold ? new Justification { Val = JustificationValues.Right } : null;
        var result = new TableCell(properties, new Paragraph(
            new ParagraphProperties { ParagraphStyleId = new ParagraphStyleId { Val = "TableText" }, Justification = alignment },
            TextRun(cell.Text ?? string.Empty, bold)));
        if (cell.SecondLine is { } second)
        {
            result.Append(new Paragraph(
                new ParagraphProperties { ParagraphStyleId = new ParagraphStyleId { Val = "TableNote" }, Justification = (Justification?)alignment?.CloneNode(true) },
                TextRun(second)));
        }

        return result;
    }

    private static Run TextRun(string text, bool bold = false) =>
        new(new WordText(text) { Space = SpaceProcessingModeValues.Preserve }) { RunProperties = bold ? new RunProperties { Bold = new Bold() } : null };
}
