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
        if (latest is not { } year)
        {
            return NotFound();
        }

        // The query (a language, a chart's options) goes along to the year's page.
        var values = new RouteValueDictionary(Request.Query.ToDictionary(q => q.Key, q => (object?)q.Value)) { ["year"] = year };
        return RedirectToPage("/Statistics/Year", values);
    }
}
