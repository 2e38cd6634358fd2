namespace UnvReporting.Web.Features.Staff.Years.Import;

/// <summary>A problem with one cell: the row as the spreadsheet program numbers it, the column's name, and what is wrong.</summary>
public sealed record ImportError(string Sheet, int Row, string Column, string Message);

/// <summary>One value an import changes, before and after (null: empty, or a row that is added).</summary>
public sealed record ImportChange(string Sheet, int Row, string Subject, string Field, string? Before, string? After);

/// <summary>
/// What a file would do to a year: the changes, already applied to the tracked entities of the
/// context that made the plan, and the errors. A preview throws the plan away; a confirmation saves
/// it, and only when it has no errors.
/// </summary>
public sealed class ImportPlan
{
    public List<ImportError> Errors { get; } = [];

    public List<ImportChange> Changes { get; } = [];

    /// <summary>The indicator-years the file changes: a correction of a published year marks them revised.</summary>
    public List<IndicatorYear> ChangedIndicators { get; } = [];

    public int RowsRead { get; set; }

    /// <summary>
    /// A published report that prints a figure the file changes (set by a preview): confirming is
    /// then held to the printed figures' rule, an Approver's reason, even in a draft year.
    /// </summary>
    public string? PrintedIn { get; set; }

    public int RowsChanged => Changes.Select(c => (c.Sheet, c.Row)).Distinct().Count();

    public bool CanConfirm => Errors.Count == 0 && Changes.Count > 0;
}
