using System.Drawing;
using SpreadCheetah;
using SpreadCheetah.Styling;

namespace UnvReporting.Web.Platform.Files;

/// <summary>
/// The cell formats of the XLSX files, added to one workbook. The colour cells are filled with
/// the colour and also carry its word, so the rating never rests on colour alone.
/// </summary>
internal sealed class ExportStyles
{
    // Soft shades of the pages' colours, light enough that the black word stays readable.
    private static readonly (Rating Rating, Color Fill)[] Fills =
    [
        (Rating.Green, Color.FromArgb(0xC6, 0xEF, 0xCE)),
        (Rating.Yellow, Color.FromArgb(0xFF, 0xEB, 0x9C)),
        (Rating.Red, Color.FromArgb(0xFF, 0xC7, 0xCE)),
        (Rating.Grey, Color.FromArgb(0xD9, 0xD9, 0xD9)),
    ];

    private readonly StyleId[] _filled;
    private readonly Dictionary<(Unit, bool Whole), StyleId> _measures = [];

    public ExportStyles(Spreadsheet spreadsheet, bool chinese)
    {
        Header = spreadsheet.AddStyle(new Style { Font = { Bold = true }, Fill = { Color = Color.FromArgb(0xDD, 0xEB, 0xF7) } });

        // The built-in formats "0" and "0.00"; a figure as entered keeps the general format, which shows it in full.
        Whole = spreadsheet.AddStyle(new Style { Format = NumberFormat.Standard(StandardNumberFormat.NoDecimalPlaces) });
        TwoDecimals = spreadsheet.AddStyle(new Style { Format = NumberFormat.Standard(StandardNumberFormat.TwoDecimalPlaces) });
        Wrapped = spreadsheet.AddStyle(new Style { Alignment = { WrapText = true, Vertical = VerticalAlignment.Top } });
        _filled = Fills.Select(f => spreadsheet.AddStyle(new Style { Fill = { Color = f.Fill } })).ToArray();
        foreach (var unit in Enum.GetValues<Unit>())
        {
            foreach (var whole in (bool[])[true, false])
            {
                _measures[(unit, whole)] = spreadsheet.AddStyle(new Style { Format = NumberFormat.Custom(MeasureFormat(unit, whole, chinese)) });
            }
        }
    }

    public StyleId Header { get; }

    public StyleId Whole { get; }

    public StyleId TwoDecimals { get; }

    public StyleId Wrapped { get; }

    public StyleId Filled(Rating rating) => _filled[Array.FindIndex(Fills, f => f.Rating == rating)];

    /// <summary>The fill of a rating as RRGGBB, for the Board pack's colour cells: the same shades as the workbooks'.</summary>
    public static string FillHex(Rating rating)
    {
        var fill = Fills.Single(f => f.Rating == rating).Fill;
        return $"{fill.R:X2}{fill.G:X2}{fill.B:X2}";
    }

    /// <summary>The format of a figure in its unit: 1,663,729; 47%; +13.7%; USD 270,000,000; 5.5 months.</summary>
    public StyleId Measure(Measure measure) => _measures[(measure.Unit, measure.Value == decimal.Truncate(measure.Value))];

    /// <summary>
    /// A whole figure shows no decimal point; any other shows its decimals (at most the four the
    /// database keeps). The % is quoted: a bare % would multiply the figure by 100.
    /// </summary>
    internal static string MeasureFormat(Unit unit, bool whole, bool chinese)
    {
        var number = whole ? "#,##0" : "#,##0.0###";
        return (unit, chinese) switch
        {
            (Unit.Percent, _) => $"{number}\"%\"",
            (Unit.PercentChange, _) => $"+{number}\"%\";-{number}\"%\";0\"%\"",
            (Unit.Usd, false) => $"\"USD \"{number}",
            (Unit.Usd, true) => $"{number}\" 美元\"",
            (Unit.Months, false) => $"{number}\" months\"",
            (Unit.Months, true) => $"{number}\" 个月\"",
            (Unit.WorkingDays, false) => $"{number}\" working days\"",
            (Unit.WorkingDays, true) => $"{number}\" 个工作日\"",
            (Unit.Years, false) => $"{number}\" years\"",
            (Unit.Years, true) => $"{number}\" 岁\"",
            _ => number,
        };
    }

    public StyleId? Number(ColumnKind kind) => kind switch
    {
        ColumnKind.Whole => Whole,
        ColumnKind.TwoDecimals => TwoDecimals,
        _ => null,
    };
}
