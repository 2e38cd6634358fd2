namespace UnvReporting.Web.Features.Staff.Years.Statistics;

/// <summary>
/// What the pages about one recorded figure (edit, delete) share: the figure as the editor reads
/// it and the edit rule of its year for the editor's role, so both pages refuse the same things.
/// </summary>
public abstract class FactPageModel(UnvDbContext db) : PageModel
{
    public int Year { get; private set; }

    public EditRule Rule { get; private set; } = EditRule.Open;

    public FactSummary Fact { get; protected set; } = null!;

    [TempData]
    public string? Message { get; set; }

    protected UnvDbContext Db => db;

    /// <summary>Reads the figure and its year's rule; answers 404 when either does not exist.</summary>
    protected async Task<IActionResult?> LoadAsync(int year, long id, CancellationToken cancellationToken)
    {
        var reportingYear = await db.ReportingYears.AsNoTracking().SingleOrDefaultAsync(y => y.Year == year, cancellationToken);
        var fact = reportingYear is null ? null : await FactSummary.FindAsync(db, year, id, cancellationToken);
        if (fact is null)
        {
            return NotFound();
        }

        Year = year;
        Rule = reportingYear!.EditRuleFor(User.CurrentRole(), fact.PrintedIn);
        Fact = fact;
        return null;
    }
}
