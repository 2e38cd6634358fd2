namespace UnvReporting.Web.Features.Staff;

/// <summary>Settings of the reporting cycle (section <c>Workflow</c>).</summary>
public sealed class WorkflowOptions
{
    public const string Section = "Workflow";

    /// <summary>
    /// Whether an account that submitted a year, or changed its figures since it was last
    /// reviewed, is refused when it tries to publish it. On by default; an office with a single
    /// reviewer turns it off, and then the audit log says who published their own work.
    /// </summary>
    public bool FourEyes { get; set; } = true;
}

/// <summary>
/// What the workflow moves need to know of a year, read from the database: the publication
/// check's rows, who contributed to the year since it was last reviewed (from the audit trail,
/// which every change goes through, so there is no second record to keep in step), and what
/// changed since it was last published.
/// </summary>
public static class YearWorkflow
{
    private const string YearSubject = "reporting-year";
    private const string StatusField = nameof(ReportingYear.Status);
    private static readonly string[] FigureSubjects = ["indicator-year", "statistic"];

    public static async Task<PublicationCheck> CheckAsync(UnvDbContext db, int year, CancellationToken cancellationToken)
    {
        var rows = await db.IndicatorYears.AsNoTracking()
            .Where(iy => iy.Year == year)
            .OrderBy(iy => iy.Indicator.Area.SortOrder).ThenBy(iy => iy.Indicator.SortOrder)
            .Select(iy => new PublicationRow(iy.Indicator.Key, iy.Milestone, iy.Result, iy.MissingDataReason))
            .ToListAsync(cancellationToken);
        return PublicationCheck.Of(year, rows);
    }

    /// <summary>
    /// The accounts that submitted the year last, or changed one of its figures since it was
    /// last returned to draft or published: the people four eyes keeps from publishing it.
    /// </summary>
    public static async Task<IReadOnlyCollection<string>> ContributorsAsync(UnvDbContext db, int year, CancellationToken cancellationToken)
    {
        var moves = db.AuditEntries.AsNoTracking()
            .Where(e => e.Year == year && e.Subject == YearSubject && e.Field == StatusField);
        var reviewedAt = await moves
            .Where(e => e.NewValue == nameof(ReportingStatus.Draft) || e.NewValue == nameof(ReportingStatus.Published))
            .OrderByDescending(e => e.Id).Select(e => (long?)e.Id).FirstOrDefaultAsync(cancellationToken) ?? 0;
        // A withdrawal also moves a year to Submitted, but the one who withdraws submitted nothing.
        var submitter = await moves
            .Where(e => e.NewValue == nameof(ReportingStatus.Submitted) && e.OldValue == nameof(ReportingStatus.Draft))
            .OrderByDescending(e => e.Id).Select(e => e.UserId).FirstOrDefaultAsync(cancellationToken);
        var changers = await db.AuditEntries.AsNoTracking()
            .Where(e => e.Year == year && FigureSubjects.Contains(e.Subject) && e.Id > reviewedAt && e.UserId != null)
            .Select(e => e.UserId!).Distinct().ToListAsync(cancellationToken);
        return submitter is null ? changers : [.. changers.Append(submitter).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>
    /// The figure changes since the year was last published (all of them for a year never
    /// published), newest first, at most <paramref name="limit"/>, with the full count: what a
    /// reviewer reads before publishing.
    /// </summary>
    public static async Task<(IReadOnlyList<AuditEntry> Changes, int Count)> ChangesSincePublishedAsync(UnvDbContext db, int year, int limit, CancellationToken cancellationToken)
    {
        var publishedAt = await db.AuditEntries.AsNoTracking()
            .Where(e => e.Year == year && e.Subject == YearSubject && e.Field == StatusField && e.NewValue == nameof(ReportingStatus.Published))
            .OrderByDescending(e => e.Id).Select(e => (long?)e.Id).FirstOrDefaultAsync(cancellationToken) ?? 0;
        var changes = db.AuditEntries.AsNoTracking()
            .Where(e => e.Year == year && FigureSubjects.Contains(e.Subject) && e.Id > publishedAt);
        var count = await changes.CountAsync(cancellationToken);
        var newest = await changes.OrderByDescending(e => e.Id).Take(limit).ToListAsync(cancellationToken);
        return (newest, count);
    }
}
