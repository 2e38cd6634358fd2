namespace UnvReporting.Web.Features.Indicators;

/// <summary>"/indicators" opens the latest published year's table (searched, with <c>?q=</c>); with none published, the home page says so.</summary>
public sealed class IndexModel(UnvDbContext db) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string? q, CancellationToken cancellationToken)
    {
        var latest = await db.ReportingYears.AsNoTracking().VisibleTo(YearVisibility.PublishedOnly)
            .MaxAsync(y => (int?)y.Year, cancellationToken);
        return latest is { } year ? RedirectToPage("/Indicators/Year", new { year, q = string.IsNullOrWhiteSpace(q) ? null : q }) : RedirectToPage("/Index");
    }
}
