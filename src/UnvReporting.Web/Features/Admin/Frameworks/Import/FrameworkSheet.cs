using UnvReporting.Web.Features.Staff.Years.Import;

namespace UnvReporting.Web.Features.Admin.Frameworks.Import;

/// <summary>
/// One sheet of an uploaded framework file with its columns recognised by their English or
/// Chinese headers. A sheet with an unknown, repeated or missing required column is refused whole,
/// as the results import does.
/// </summary>
public sealed class FrameworkSheet
{
    private readonly Dictionary<FrameworkColumn, int> _index;
    private readonly Dictionary<FrameworkColumn, string> _headers;
    private readonly IStringLocalizer<SharedResource> _text;

    private FrameworkSheet(Sheet sheet, Dictionary<FrameworkColumn, int> index, Dictionary<FrameworkColumn, string> headers, IStringLocalizer<SharedResource> text)
    {
        Sheet = sheet;
        _index = index;
        _headers = headers;
        _text = text;
    }

    public Sheet Sheet { get; }

    public bool Has(FrameworkColumn column) => _index.ContainsKey(column);

    /// <summary>The column's header as the file writes it, for messages; the reader's own word when the file has no such column.</summary>
    public string Header(FrameworkColumn column) => _headers.GetValueOrDefault(column) ?? FrameworkColumns.Header(column, _text);

    public SheetCell? Cell(SheetRow row, FrameworkColumn column) => _index.TryGetValue(column, out var i) ? row[i] : null;

    public string? Text(SheetRow row, FrameworkColumn column) =>
        Cell(row, column) is { } cell && !string.IsNullOrWhiteSpace(cell.Text) ? cell.Text.Trim() : null;

    /// <summary>True when the sheet's header holds <paramref name="field"/>'s column in either language.</summary>
    public static bool Holds(Sheet sheet, FrameworkField field, IStringLocalizer<SharedResource> text)
    {
        var names = FrameworkColumns.Names(new FrameworkColumn(field), text);
        return sheet.Header.Values.Any(h => names.Contains(h, StringComparer.OrdinalIgnoreCase));
    }

    public static FrameworkSheet Map(Sheet sheet, IReadOnlyList<FrameworkColumn> expected, IReadOnlyList<FrameworkField> required, IStringLocalizer<SharedResource> text)
    {
        var names = expected.SelectMany(c => FrameworkColumns.Names(c, text).Select(n => (Name: n, Column: c)))
            .DistinctBy(n => n.Name, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(n => n.Name, n => n.Column, StringComparer.OrdinalIgnoreCase);
        var index = new Dictionary<FrameworkColumn, int>();
        var headers = new Dictionary<FrameworkColumn, string>();
        var problems = new List<string>();
        foreach (var (position, name) in sheet.Header.OrderBy(h => h.Key))
        {
            if (!names.TryGetValue(name, out var column))
            {
                var shown = name.Length > 40 ? name[..40] + "…" : name;
                problems.Add(text["unknown column '{0}'", shown]);
            }
            else if (!index.TryAdd(column, position))
            {
                problems.Add(text["column {0} appears twice", name]);
            }
            else
            {
                headers[column] = name;
            }
        }

        problems.AddRange(expected.Where(c => required.Contains(c.Field) && !index.ContainsKey(c))
            .Select(c => text["column {0} is missing", FrameworkColumns.Header(c, text)].Value));
        if (problems.Count > 0)
        {
            throw new SpreadsheetRefusedException(text[
                "The sheet {0} has the wrong columns: {1}. Expected columns: {2}. Download the template for the exact layout.",
                sheet.Name, string.Join(text["; "], problems), string.Join(text[", "], expected.Select(c => FrameworkColumns.Header(c, text)))]);
        }

        return new FrameworkSheet(sheet, index, headers, text);
    }

    public static bool TryWhole(string? text, out int? value)
    {
        value = null;
        if (text is null)
        {
            return true;
        }

        // A whole number typed in Excel may come back as "2021" or, from a numeric cell, "2021.0".
        if (decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var number) && number == decimal.Truncate(number) && number is >= int.MinValue and <= int.MaxValue)
        {
            value = (int)number;
            return true;
        }

        return false;
    }
}
