using Microsoft.AspNetCore.OutputCaching;
using UnvReporting.Web.Platform.Caching;

namespace UnvReporting.Web.Features.Indicators;

/// <summary>
/// A year's indicator table (published years; staff also see draft and submitted ones), grouped as the report groups it: each outcome with its
/// own indicators, then its outputs with theirs. <c>?rating=yellow</c> shows one colour only.
/// </summary>
[OutputCache(PolicyName = PublishedCache.Policy, VaryByQueryKeys = new[] { "rating" })]
public sealed class YearModel(UnvDbContext db) : PageModel
{
    public YearTable Table { get; private set; } = null!;

    public IReadOnlyList<YearHeading> Years { get; private set; } = [];

    public IReadOnlyList<OutcomeGroup> Outcomes { get; private set; } = [];

    /// <summary>The colour shown, when the table is filtered.</summary>
    public Rating? Filter { get; private set; }

    /// <summary>A <c>?rating=</c> value that is not a colour; the page says so and shows every row.</summary>
    public string? RejectedFilter { get; private set; }

    public int Shown { get; private set; }

    public async Task<IActionResult> OnGetAsync(int year, string? rating, CancellationToken cancellationToken)
    {
        var visibility = await StaffReader.VisibilityAsync(HttpContext);
        Years = await db.VisibleYearsAsync(visibility, cancellationToken);
        if (Years.FirstOrDefault(y => y.Year == year) is not { } heading)
        {
            return NotFound();
        }

        Table = await db.LoadYearTableAsync(heading, cancellationToken, visibility);
        if (!string.IsNullOrEmpty(rating))
        {
            // Exact names only: Enum.TryParse would also take "1" or "yellow,red" (a flags sum).
            Filter = Enum.GetValues<Rating>().Cast<Rating?>()
                .FirstOrDefault(r => string.Equals(r.ToString(), rating, StringComparison.OrdinalIgnoreCase));
            RejectedFilter = Filter is null ? rating : null;
        }

        var shown = Table.Indicators.Where(i => Filter is null || i.Rating == Filter).ToList();
        Shown = shown.Count;
        Outcomes = OutcomeGroup.Group(shown, Table.Summary);
        return Page();
    }
}

/// <summary>An output and its indicators, as the table shows them.</summary>
public sealed record OutputGroup(string Code, string Title, IReadOnlyList<ScoredIndicatorYear> Indicators);

/// <summary>An outcome (or institutional effectiveness): its own indicators, then its outputs.</summary>
public sealed record OutcomeGroup(string Code, string Title, RatingCounts Counts, IReadOnlyList<ScoredIndicatorYear> Indicators, IReadOnlyList<OutputGroup> Outputs)
{
    /// <summary>Groups rows already in report order; counts come from the whole year, not the filtered rows.</summary>
    public static IReadOnlyList<OutcomeGroup> Group(IEnumerable<ScoredIndicatorYear> rows, YearSummary summary) =>
        rows.GroupBy(r => r.Figures.OutcomeCode)
            .Select(outcome =>
            {
                var first = outcome.First().Figures;
                var title = first.ParentCode is null
                    ? Localization.Pick(first.AreaTitleEn, first.AreaTitleZh)
                    : Localization.Pick(first.ParentTitleEn!, first.ParentTitleZh);
                var counts = summary.ByOutcome.FirstOrDefault(a => a.AreaCode == outcome.Key)?.Counts ?? RatingCounts.None;
                var outputs = outcome.Where(r => r.Figures.OutputCode is not null)
                    .GroupBy(r => r.Figures.OutputCode!)
                    .Select(o => new OutputGroup(o.Key, Localization.Pick(o.First().Figures.AreaTitleEn, o.First().Figures.AreaTitleZh), o.ToList()))
                    .ToList();
                return new OutcomeGroup(outcome.Key, title, counts, outcome.Where(r => r.Figures.OutputCode is null).ToList(), outputs);
            })
            .ToList();
}
