using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;
using UnvReporting.Domain.Results;
using UnvReporting.Web.Platform.Files;

namespace UnvReporting.Benchmarks.Xlsx;

/// <summary>
/// The stylesheet of <see cref="OpenXmlBaseline"/>, as the product had it.
///
/// The cell formats of the XLSX exports, by index into the stylesheet. The colour cells are filled
/// with the colour and also carry its word, so the rating never rests on colour alone.
/// </summary>
internal static class OpenXmlBaselineStyles
{
    public const uint Header = 1;
    public const uint Whole = 2;
    public const uint TwoDecimals = 3;
    public const uint Wrapped = 8;

    // Built-in number formats: 1 is "0", 2 is "0.00"; 0 is General, which shows a figure in full.
    private const uint GeneralFormat = 0;
    private const uint WholeFormat = 1;
    private const uint TwoDecimalsFormat = 2;

    // Soft shades of the pages' colours, light enough that the black word stays readable.
    private static readonly (Rating Rating, string Argb)[] Fills =
    [
        (Rating.Green, "FFC6EFCE"),
        (Rating.Yellow, "FFFFEB9C"),
        (Rating.Red, "FFFFC7CE"),
        (Rating.Grey, "FFD9D9D9"),
    ];

    public static uint Filled(Rating rating) => 4 + (uint)Array.FindIndex(Fills, f => f.Rating == rating);

    public static uint Number(ColumnKind kind) => kind switch
    {
        ColumnKind.Whole => Whole,
        ColumnKind.TwoDecimals => TwoDecimals,
        _ => 0,
    };

    public static Stylesheet Stylesheet()
    {
        // Fill 0 and 1 are required by Excel (none and gray125); the colour fills follow.
        var fills = new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }));
        foreach (var (_, argb) in Fills)
        {
            fills.Append(Solid(argb));
        }

        var headerFill = (uint)fills.ChildElements.Count;
        fills.Append(Solid("FFDDEBF7"));

        var formats = new CellFormats(
            new CellFormat(),
            new CellFormat { FontId = 1, ApplyFont = true, FillId = headerFill, ApplyFill = true },
            new CellFormat { NumberFormatId = WholeFormat, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = TwoDecimalsFormat, ApplyNumberFormat = true });
        for (var i = 0; i < Fills.Length; i++)
        {
            formats.Append(new CellFormat { NumberFormatId = GeneralFormat, FillId = (uint)i + 2, ApplyFill = true });
        }

        formats.Append(new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top }) { ApplyAlignment = true });
        fills.Count = (uint)fills.ChildElements.Count;
        formats.Count = (uint)formats.ChildElements.Count;
        return new Stylesheet(
            new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
            fills,
            new Borders(new Border()) { Count = 1 },
            formats);
    }

    private static Fill Solid(string argb) =>
        new(new PatternFill(new ForegroundColor { Rgb = HexBinaryValue.FromString(argb) }, new BackgroundColor { Indexed = 64 }) { PatternType = PatternValues.Solid });
}
