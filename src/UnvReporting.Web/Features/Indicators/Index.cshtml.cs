namespace UnvReporting.Web.Features.Indicators;

/// <summary>"/indicators" opens the latest published year's table; with none published, the home page says so.</summary>
public sealed class IndexModel(UnvDbContext db) : PageModel
{
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var latest = await db.ReportingYears.AsNoTracking().VisibleTo(YearVisibility.PublishedOnly)
            .MaxAsync(y => (int?)y.Year, cancellationToken);
        return latest is { } year ? RedirectToPage("/Indicators/Year", new { year }) : RedirectToPage("/Index");
    }
}
