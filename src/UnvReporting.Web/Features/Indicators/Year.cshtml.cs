using Microsoft.AspNetCore.OutputCaching;
using UnvReporting.Web.Platform.Caching;

namespace UnvReporting.Web.Features.Indicators;

/// <summary>
/// A year's indicator table (published years; staff also see draft and submitted ones), grouped as the report groups it: each outcome with its
/// own indicators, then its outputs with theirs. <c>?rating=yellow</c> shows one colour only,
/// <c>?q=</c> the indicators whose code or title holds every word; each row sets its result
/// beside the previous reporting year's.
/// </summary>
[OutputCache(PolicyName = PublishedCache.Policy, VaryByQueryKeys = new[] { "rating", "q" })]
public sealed class YearModel(UnvDbContext db) : PageModel
{
    public const int MaxQueryLength = 100;

    public YearTable Table { get; private set; } = null!;

    public IReadOnlyList<YearHeading> Years { get; private set; } = [];

    public IReadOnlyList<OutcomeGroup> Outcomes { get; private set; } = [];

    /// <summary>The colour shown, when the table is filtered.</summary>
    public Rating? Filter { get; private set; }

    /// <summary>A <c>?rating=</c> value that is not a colour; the page says so and shows every row.</summary>
    public string? RejectedFilter { get; private set; }

    public int Shown { get; private set; }

    /// <summary>The search as the reader typed it, trimmed; null when the table is not searched.</summary>
    public string? Query { get; private set; }

    /// <summary>Each indicator's figures in the previous reporting year that has it, by key.</summary>
    public IReadOnlyDictionary<string, ScoredIndicatorYear> Previous { get; private set; } = new Dictionary<string, ScoredIndicatorYear>();

    public async Task<IActionResult> OnGetAsync(int year, string? rating, string? q, CancellationToken cancellationToken)
    {
        var visibility = await StaffReader.VisibilityAsync(HttpContext);
        Years = await db.VisibleYearsAsync(visibility, cancellationToken);
        if (Years.FirstOrDefault(y => y.Year == year) is not { } heading)
        {
            return NotFound();
        }

        Table = await db.LoadYearTableAsync(heading, cancellationToken, visibility);
        Previous = await db.LoadPreviousYearsAsync(year, cancellationToken, visibility);
        if (!string.IsNullOrEmpty(rating))
        {
            // Exact names only: Enum.TryParse would also take "1" or "yellow,red" (a flags sum).
            Filter = Enum.GetValues<Rating>().Cast<Rating?>()
                .FirstOrDefault(r => string.Equals(r.ToString(), rating, StringComparison.OrdinalIgnoreCase));
            RejectedFilter = Filter is null ? rating : null;
        }

        // Searched here, in the year already read, rather than in SQL: the counts need the whole
        // year anyway, and one comparison in .NET avoids SQLite's ASCII-only LIKE and ToLower
        // answering differently from PostgreSQL's for the Chinese titles.
        var typed = q?.Trim() ?? string.Empty;
        Query = typed.Length == 0 ? null : typed[..Math.Min(typed.Length, MaxQueryLength)];
        var terms = Query?.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries) ?? [];
        var shown = Table.Indicators.Where(i => (Filter is null || i.Rating == Filter) && i.Figures.Matches(terms)).ToList();
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
