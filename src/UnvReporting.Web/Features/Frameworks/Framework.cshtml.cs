using Microsoft.AspNetCore.OutputCaching;
using UnvReporting.Web.Platform.Caching;

namespace UnvReporting.Web.Features.Frameworks;

/// <summary>
/// One strategic framework from its start to its end: for every indicator each reported year's
/// milestone, result and colour, the end target, where the latest result stands against it, and
/// the mid-term review's published percentages beside the ones the published years give.
/// </summary>
[OutputCache(PolicyName = PublishedCache.Policy)]
public sealed class FrameworkModel(UnvDbContext db) : PageModel
{
    public FrameworkProgressView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        var view = await db.LoadProgressAsync(code, await StaffReader.VisibilityAsync(HttpContext), cancellationToken);
        if (view is null)
        {
            return NotFound();
        }

        View = view;
        return Page();
    }
}
