namespace UnvReporting.Web.Features.Staff.Years.Statistics;

/// <summary>
/// A year's statistics, grouped by metric, for every staff member; the links to add, correct
/// and delete figures appear only for a role the year's status lets change them.
/// </summary>
public sealed class IndexModel(UnvDbContext db) : PageModel
{
    public int Year { get; private set; }

    public ReportingStatus Status { get; private set; }

    public EditRule Rule { get; private set; } = EditRule.Open;

    private ReportingYear? _reportingYear;

    /// <summary>The rule for one figure: stricter than the year's when a published report prints it.</summary>
    public EditRule RuleFor(FactSummary fact) =>
        fact.PrintedIn is null || _reportingYear is null ? Rule : _reportingYear.EditRuleFor(User.CurrentRole(), fact.PrintedIn);

    public IReadOnlyList<IGrouping<string, FactSummary>> Metrics { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(int year, CancellationToken cancellationToken)
    {
        var reportingYear = await db.ReportingYears.AsNoTracking().SingleOrDefaultAsync(y => y.Year == year, cancellationToken);
        if (reportingYear is null)
        {
            return NotFound();
        }

        Year = year;
        Status = reportingYear.Status;
        _reportingYear = reportingYear;
        Rule = reportingYear.EditRuleFor(User.CurrentRole());
        var facts = await FactSummary.Query(db, db.StatisticFacts.Where(f => f.Year == year)).ToListAsync(cancellationToken);
        Metrics = facts.GroupBy(f => f.MetricKey).ToList();
        return Page();
    }
}
