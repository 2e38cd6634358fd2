using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using WordText = DocumentFormat.OpenXml.Wordprocessing.Text;

namespace UnvReporting.Web.Platform.Files;

/// <summary>The small parts of a <see cref="DocxExport"/> document: its styles, settings, footer and watermark header.</summary>
internal static class DocxParts
{
    public const string W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    public const string R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    private const string Ink = "1F3864";

    public static void AddStyles(MainDocumentPart main, string language)
    {
        var part = main.AddNewPart<StyleDefinitionsPart>();

        // Word's own style ids and names for headings and contents entries: its TOC field and its
        // navigation pane recognise them by these.
        part.Styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle
                {
                    RunFonts = new RunFonts { Ascii = "Calibri", HighAnsi = "Calibri", ComplexScript = "Calibri", EastAsia = "SimSun" },
                    FontSize = new FontSize { Val = "20" },
                    FontSizeComplexScript = new FontSizeComplexScript { Val = "20" },
                    Languages = new Languages { Val = language, EastAsia = "zh-CN" },
                }),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle
                {
                    SpacingBetweenLines = new SpacingBetweenLines { After = "120", Line = "264", LineRule = LineSpacingRuleValues.Auto },
                })),
            ParagraphStyle("Normal", "Normal", isDefault: true),
            ParagraphStyle("Title", "Title", size: 48, bold: true, colour: Ink, after: 240),
            ParagraphStyle("Subtitle", "Subtitle", size: 24, colour: "404040", after: 120),
            ParagraphStyle("Heading1", "heading 1", size: 30, bold: true, colour: Ink, before: 360, after: 120, outline: 0),
            ParagraphStyle("Heading2", "heading 2", size: 24, bold: true, colour: Ink, before: 240, after: 80, outline: 1),
            ParagraphStyle("TOCHeading", "TOC Heading", size: 30, bold: true, colour: Ink, before: 480, after: 120),
            ParagraphStyle("TOC1", "toc 1", after: 60),
            ParagraphStyle("TOC2", "toc 2", after: 40, indent: 360),
            ParagraphStyle("TableText", "Table Text", after: 0),
            ParagraphStyle("TableNote", "Table Note", size: 16, colour: "404040", after: 0),
            ParagraphStyle("AfterTable", "After Table", size: 8, after: 120),
            ParagraphStyle("Note", "Note", size: 18, colour: "404040", after: 60),
            ParagraphStyle("Lead", "Lead", size: 18, colour: "404040", after: 60, keepNext: true),
            ParagraphStyle("Footer", "footer", size: 18, after: 0, centred: true));
        part.Styles.Save();
    }

    public static void AddSettings(MainDocumentPart main)
    {
        var part = main.AddNewPart<DocumentSettingsPart>();

        // Word fills in the contents' page numbers when it opens the file.
        part.Settings = new Settings(new UpdateFieldsOnOpen { Val = true });
        part.Settings.Save();
    }

    /// <summary>A footer with the page number, centred; returns its relationship id.</summary>
    public static string AddFooter(MainDocumentPart main)
    {
        var part = main.AddNewPart<FooterPart>();
        part.Footer = new Footer(new Paragraph(
            new ParagraphProperties { ParagraphStyleId = new ParagraphStyleId { Val = "Footer" } },
            new SimpleField(new Run(new WordText("1"))) { Instruction = " PAGE " }));
        part.Footer.Save();
        return main.GetIdOfPart(part);
    }

    /// <summary>
    /// A header whose big light-grey word marks every page (a draft's): a plain paragraph rather
    /// than a drawing behind the text, which every reader shows the same way.
    /// </summary>
    public static string AddWatermark(MainDocumentPart main, string watermark)
    {
        var part = main.AddNewPart<HeaderPart>();
        part.Header = new Header(new Paragraph(
            new ParagraphProperties { Justification = new Justification { Val = JustificationValues.Center }, SpacingBetweenLines = new SpacingBetweenLines { After = "0" } },
            new Run(new WordText(watermark))
            {
                RunProperties = new RunProperties
                {
                    Bold = new Bold(),
                    Color = new Color { Val = "BFBFBF" },
                    Spacing = new Spacing { Val = 40 },
                    FontSize = new FontSize { Val = "72" },
                },
            }));
        part.Header.Save();
        return main.GetIdOfPart(part);
    }

    private static Style ParagraphStyle(
        string id, string name, bool isDefault = false, int? size = null, bool bold = false, string? colour = null,
        int? before = null, int? after = null, int? outline = null, int? indent = null, bool centred = false, bool keepNext = false)
    {
        var paragraph = new StyleParagraphProperties();
        if (outline is not null || keepNext)
        {
            paragraph.KeepNext = new KeepNext();
        }

        if (before is not null || after is not null)
        {
            var spacing = new SpacingBetweenLines();
            if (before is { } above)
            {
                spacing.Before = above.ToString(CultureInfo.InvariantCulture);
            }

            if (after is { } below)
            {
                spacing.After = below.ToString(CultureInfo.InvariantCulture);
            }

            paragraph.SpacingBetweenLines = spacing;
        }

        if (indent is { } left)
        {
            paragraph.Indentation = new Indentation { Left = left.ToString(CultureInfo.InvariantCulture) };
        }

        if (centred)
        {
            paragraph.Justification = new Justification { Val = JustificationValues.Center };
        }

        if (outline is { } level)
        {
            paragraph.OutlineLevel = new OutlineLevel { Val = level };
        }

        var run = new StyleRunProperties();
        if (bold)
        {
            run.Bold = new Bold();
        }

        if (colour is not null)
        {
            run.Color = new Color { Val = colour };
        }

        if (size is { } half)
        {
            run.FontSize = new FontSize { Val = half.ToString(CultureInfo.InvariantCulture) };
            run.FontSizeComplexScript = new FontSizeComplexScript { Val = half.ToString(CultureInfo.InvariantCulture) };
        }

        var style = new Style(new StyleName { Val = name }) { Type = StyleValues.Paragraph, StyleId = id, Default = isDefault ? OnOffValue.FromBoolean(true) : null };
        if (!isDefault)
        {
            style.Append(new BasedOn { Val = "Normal" }, new NextParagraphStyle { Val = "Normal" });
        }

        style.Append(new PrimaryStyle(), paragraph, run);
        return style;
    }
}
