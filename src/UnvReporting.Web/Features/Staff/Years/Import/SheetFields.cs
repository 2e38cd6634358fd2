namespace UnvReporting.Web.Features.Staff.Years.Import;

/// <summary>How both sheets read their header and their figures.</summary>
public static class SheetFields
{
    /// <summary>Files follow English conventions whatever the uploader's language: "1,663,729", "40.5", "53%".</summary>
    public static readonly CultureInfo FileCulture = CultureInfo.GetCultureInfo("en");

    /// <summary>
    /// The column index of each expected column, matched without regard to case; refuses the file
    /// when a column is unknown, repeated, or a required one is missing, naming the expected set.
    /// <paramref name="what"/> is the sheet's kind, <see cref="IndicatorSheet.Name"/> or <see cref="StatisticsSheet.Name"/>.
    /// </summary>
    public static Dictionary<string, int> Map(Sheet sheet, string what, IReadOnlyList<string> expected, IReadOnlyList<string> required, IStringLocalizer<SharedResource> text)
    {
        var map = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var problems = new List<string>();
        foreach (var (index, name) in sheet.Header.OrderBy(h => h.Key))
        {
            var known = expected.FirstOrDefault(e => e.Equals(name, StringComparison.OrdinalIgnoreCase));
            if (known is null)
            {
                var shown = name.Length > 40 ? name[..40] + "…" : name;
                problems.Add(text["unknown column '{0}'", shown]);
            }
            else if (!map.TryAdd(known, index))
            {
                problems.Add(text["column {0} appears twice", known]);
            }
        }

        problems.AddRange(required.Where(r => !map.ContainsKey(r)).Select(r => text["column {0} is missing", r].Value));
        if (problems.Count > 0)
        {
            var found = string.Join(text["; "], problems);
            var columns = string.Join(text[", "], expected);
            throw new SpreadsheetRefusedException(what == IndicatorSheet.Name
                ? text["The indicator sheet ({0}) has the wrong columns: {1}. Expected columns: {2}. Download the template for the exact layout.", sheet.Name, found, columns]
                : text["The statistics sheet ({0}) has the wrong columns: {1}. Expected columns: {2}. Download the template for the exact layout.", sheet.Name, found, columns]);
        }

        return map;
    }

    /// <summary>Whether a header is the indicator or statistics sheet's (by its identifying column).</summary>
    public static bool HasColumn(Sheet sheet, string column) =>
        sheet.Header.Values.Any(h => h.Equals(column, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// A figure from a cell: a numeric XLSX cell as it is, text read as a person writes it. An
    /// empty cell is no figure (null). The unit's rules apply either way.
    /// </summary>
    public static bool TryFigure(SheetCell? cell, Unit unit, string field, out decimal? value, out FormattableString? error)
    {
        if (cell is { Number: { } number })
        {
            try
            {
                value = unit.Check(number, field, $"{field}");
                error = null;
                return true;
            }
            catch (DomainException exception)
            {
                value = null;
                error = exception.Text;
                return false;
            }
        }

        return NumberInput.TryParse(cell?.Text, unit, FileCulture, $"{field}", out value, out error);
    }

    public static string? Text(this SheetRow row, Dictionary<string, int> columns, string column) =>
        columns.TryGetValue(column, out var index) && row[index] is { } cell && !string.IsNullOrWhiteSpace(cell.Text) ? cell.Text.Trim() : null;

    public static string? Show(decimal? value) =>
        value.WithoutTrailingZeros()?.ToString(CultureInfo.InvariantCulture);
}
