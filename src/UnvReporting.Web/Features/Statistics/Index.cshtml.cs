using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using UnvReporting.Web.Platform.Data;

namespace UnvReporting.Web.Features.Statistics;

/// <summary>The statistics of the latest published reporting year, the figures a reader most likely wants.</summary>
public sealed class IndexModel(UnvDbContext db) : PageModel
{
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var latest = await db.ReportingYears.AsNoTracking().VisibleTo(YearVisibility.PublishedOnly)
            .MaxAsync(y => (int?)y.Year, cancellationToken);
        return latest is { } year
            ? Redirect(Url.Page("/Statistics/Year", new { year }) + Request.QueryString)
            : NotFound();
    }
}
