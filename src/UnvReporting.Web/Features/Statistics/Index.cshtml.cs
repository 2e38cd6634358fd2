namespace UnvReporting.Web.Features.Statistics;

/// <summary>
/// The statistics of the latest published year that has some, the figures a reader most likely
/// wants. Every page links here, so with none published yet it says so rather than answer 404.
/// </summary>
public sealed class IndexModel(UnvDbContext db) : PageModel
{
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var latest = await db.PublishedStatisticsYearsAsync(1, cancellationToken);
        if (latest is not [var year])
        {
            return Page();
        }

        // The query (a language, a chart's options) goes along to the year's page.
        var values = new RouteValueDictionary(Request.Query.ToDictionary(q => q.Key, q => (object?)q.Value)) { ["year"] = year };
        return RedirectToPage("/Statistics/Year", values);
    }
}
