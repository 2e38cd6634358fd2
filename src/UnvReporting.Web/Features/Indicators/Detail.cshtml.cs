using Microsoft.AspNetCore.OutputCaching;
using UnvReporting.Web.Platform.Caching;

namespace UnvReporting.Web.Features.Indicators;

/// <summary>
/// One indicator across the published years of its framework, opened from a year's table: the
/// chart of results against milestones, each year's score and colour, narrative and source, and
/// where the definition changed (the 2020 mid-term review).
/// </summary>
[OutputCache(PolicyName = PublishedCache.Policy)]
public sealed class DetailModel(UnvDbContext db) : PageModel
{
    /// <summary>The year the page was opened from.</summary>
    public ScoredIndicatorYear Current { get; private set; } = null!;

    /// <summary>Every published year of the indicator within the framework, oldest first.</summary>
    public IReadOnlyList<ScoredIndicatorYear> History { get; private set; } = [];

    /// <summary>Staff only: every recorded change to this indicator's figures and definition, newest first.</summary>
    public IReadOnlyList<AuditEntry>? Changes { get; private set; }

    public async Task<IActionResult> OnGetAsync(int year, string key, CancellationToken cancellationToken)
    {
        if (!IndicatorKey.TryNormalize(key, out var normalized))
        {
            return NotFound();
        }

        var visibility = await StaffReader.VisibilityAsync(HttpContext);
        var all = await db.LoadIndicatorHistoryAsync(normalized, cancellationToken, visibility);
        var current = all.FirstOrDefault(i => i.Figures.Year == year);
        if (current is null)
        {
            return NotFound();
        }

        if (normalized != key)
        {
            // Keep the query (?culture=zh-Hans): a client without cookies must not lose its language.
            return RedirectPermanent(Url.Page(null, new { year, key = normalized }) + Request.QueryString);
        }

        Current = current;
        History = all.Where(i => i.Figures.Framework == current.Figures.Framework).ToList();
        if (visibility == YearVisibility.Everything)
        {
            var years = History.Select(h => h.Figures.Year).ToList();
            Changes = await db.AuditEntries.AsNoTracking()
                .Where(a => a.IndicatorKey == normalized && a.Year != null && years.Contains(a.Year.Value))
                .OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
                .Take(200)
                .ToListAsync(cancellationToken);
        }

        return Page();
    }

    /// <summary>True when the year's definition differs from the year before it in the history.</summary>
    public bool DefinitionChanged(int index) =>
        index > 0 && History[index].Figures.DefinitionDiffersFrom(History[index - 1].Figures);
}
