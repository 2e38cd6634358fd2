namespace UnvReporting.Web.Features.Staff.Years.Import;

/// <summary>How both sheets read their header and their figures.</summary>
public static class SheetFields
{
    /// <summary>Files follow English conventions whatever the uploader's language: "1,663,729", "40.5", "53%".</summary>
    public static readonly CultureInfo FileCulture = CultureInfo.GetCultureInfo("en");

    /// <summary>
    /// The column index of each expected column, matched without regard to case; refuses the file
    /// when a column is unknown, repeated, or a required one is missing, naming the expected set.
    /// </summary>
    public static Dictionary<string, int> Map(Sheet sheet, string what, IReadOnlyList<string> expected, IReadOnlyList<string> required)
    {
        var map = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var problems = new List<string>();
        foreach (var (index, name) in sheet.Header.OrderBy(h => h.Key))
        {
            var known = expected.FirstOrDefault(e => e.Equals(name, StringComparison.OrdinalIgnoreCase));
            if (known is null)
            {
                problems.Add($"unknown column '{(name.Length > 40 ? name[..40] + "…" : name)}'");
            }
            else if (!map.TryAdd(known, index))
            {
                problems.Add($"column {known} appears twice");
            }
        }

        problems.AddRange(required.Where(r => !map.ContainsKey(r)).Select(r => $"column {r} is missing"));
        if (problems.Count > 0)
        {
            throw new SpreadsheetRefusedException(
                $"The {what} sheet ({sheet.Name}) has the wrong columns: {string.Join("; ", problems)}. Expected columns: {string.Join(", ", expected)}. Download the template for the exact layout.");
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
