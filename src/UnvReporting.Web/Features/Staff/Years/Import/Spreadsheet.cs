namespace UnvReporting.Web.Features.Staff.Years.Import;

/// <summary>
/// One cell as read from a file: its text, and for a numeric XLSX cell its number (a percent-styled
/// cell already multiplied by 100, since 53% is stored as 0.53 but means 53 here).
/// </summary>
public sealed record SheetCell(string Text, decimal? Number = null)
{
    public bool IsEmpty => Number is null && string.IsNullOrWhiteSpace(Text);
}

/// <summary>A data row with its number as the spreadsheet program shows it; cells keyed by column index from 0.</summary>
public sealed record SheetRow(int Number, IReadOnlyDictionary<int, SheetCell> Cells)
{
    public SheetCell? this[int column] => Cells.GetValueOrDefault(column);

    public bool IsEmpty => Cells.Values.All(c => c.IsEmpty);
}

/// <summary>One sheet (a CSV file is one sheet): its header, by column index, and its data rows.</summary>
public sealed record Sheet(string Name, IReadOnlyDictionary<int, string> Header, IReadOnlyList<SheetRow> Rows);
