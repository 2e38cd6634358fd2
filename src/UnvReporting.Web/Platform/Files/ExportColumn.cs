namespace UnvReporting.Web.Platform.Files;

/// <summary>How a column's values are written: text (guarded against formulas), or a number with a display format, or a colour.</summary>
public enum ColumnKind
{
    Text,

    /// <summary>A figure as entered: written in full, shown in the spreadsheet's general format.</summary>
    Number,

    /// <summary>A whole number: years and whole percents.</summary>
    Whole,

    /// <summary>A percent to two decimals (112.43).</summary>
    TwoDecimals,

    /// <summary>A <see cref="Rating"/>: its word, and in XLSX the cell filled with the colour.</summary>
    Colour,
}

/// <summary>One column of an export: the header (English, part of the file's contract), its kind and its width in XLSX.</summary>
public sealed record ExportColumn(string Header, ColumnKind Kind, double Width);

/// <summary>A figure with its unit, which an XLSX cell shows in the unit's format (counts with thousands separators, shares with %); CSV writes the number alone.</summary>
public readonly record struct Measure(decimal Value, Unit Unit)
{
    public static Measure? Of(decimal? value, Unit unit) => value is { } figure ? new Measure(figure, unit) : null;
}
