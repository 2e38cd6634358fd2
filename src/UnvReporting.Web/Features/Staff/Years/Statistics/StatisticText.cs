namespace UnvReporting.Web.Features.Staff.Years.Statistics;

/// <summary>
/// How a statistic reads on the staff pages: the exact figure in the reader's culture with its
/// unit. Unlike the public pages (<see cref="DisplayFormat"/>) nothing is rounded to
/// millions, because staff check the figure digit by digit against the report. The unit and
/// qualifier words are the vocabulary's (<see cref="Words"/>).
/// </summary>
public static class StatisticText
{
    public static string Number(decimal value) => value.ToString("#,0.####", CultureInfo.CurrentCulture);

    public static string Value(decimal value, Unit unit) => Value(value, unit, Words.English);

    public static string Value(decimal value, Unit unit, IStringLocalizer<SharedResource> text) => unit switch
    {
        Unit.Percent => Number(value) + "%",
        Unit.PercentChange => (value > 0 ? "+" : string.Empty) + Number(value) + "%",
        Unit.Usd => Words.UnitLabel(unit, text) + " " + Number(value),
        Unit.Count => Number(value),
        _ => Number(value) + " " + Words.UnitLabel(unit, text),
    };

    /// <summary>
    /// "en" for a note with Latin words in it: staff write notes in English, quoting the Chinese
    /// report where it differs, so a mixed note is still English to read aloud; null otherwise.
    /// </summary>
    public static string? NoteLanguage(string? note) => note is not null && note.Any(char.IsAsciiLetter) ? "en" : null;

    /// <summary>"Region: Africa", or the total when the fact has no breakdown.</summary>
    public static string Breakdown(string? dimensionName, string? memberName) => Breakdown(dimensionName, memberName, Words.English);

    public static string Breakdown(string? dimensionName, string? memberName, IStringLocalizer<SharedResource> text) =>
        dimensionName is null ? text["Total (no breakdown)"] : $"{dimensionName}: {memberName}";
}
