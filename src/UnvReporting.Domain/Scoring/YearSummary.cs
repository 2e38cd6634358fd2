using UnvReporting.Domain.Reporting;
using UnvReporting.Domain.Results;

namespace UnvReporting.Domain.Scoring;

/// <summary>How many indicators are green, yellow, red and grey.</summary>
public sealed record RatingCounts(int Green, int Yellow, int Red, int Grey)
{
    public static readonly RatingCounts None = new(0, 0, 0, 0);

    public int Total => Green + Yellow + Red + Grey;

    public int this[Rating rating] => rating switch
    {
        Rating.Green => Green,
        Rating.Yellow => Yellow,
        Rating.Red => Red,
        _ => Grey,
    };

    public RatingCounts Add(Rating rating) => rating switch
    {
        Rating.Green => this with { Green = Green + 1 },
        Rating.Yellow => this with { Yellow = Yellow + 1 },
        Rating.Red => this with { Red = Red + 1 },
        _ => this with { Grey = Grey + 1 },
    };

    /// <summary>
    /// True when the counts are the ones a report states. A report that does not mention grey
    /// (DP/2022/24) is read as stating none.
    /// </summary>
    public bool Matches(StatedSummary stated) =>
        Green == stated.Green && Yellow == stated.Yellow && Red == stated.Red && Grey == (stated.Grey ?? 0);
}

/// <summary>The colour counts of one result area (an outcome with its outputs, or institutional effectiveness).</summary>
public sealed record AreaCounts(string AreaCode, RatingCounts Counts);

/// <summary>A year's colour counts, overall and per outcome, in the order the areas were given.</summary>
public sealed record YearSummary(RatingCounts Overall, IReadOnlyList<AreaCounts> ByOutcome)
{
    /// <summary>
    /// Counts each indicator-year once (grey ones in the grey column), under its top-level area: an output's indicators
    /// count towards the outcome the output sits under, as in paragraph 3 of the reports.
    /// </summary>
    public static YearSummary Of(IEnumerable<(string TopAreaCode, Rating Rating)> ratings)
    {
        var overall = RatingCounts.None;
        var byArea = new List<AreaCounts>();
        foreach (var (area, rating) in ratings)
        {
            overall = overall.Add(rating);
            var index = byArea.FindIndex(a => a.AreaCode == area);
            if (index < 0)
            {
                byArea.Add(new AreaCounts(area, RatingCounts.None.Add(rating)));
            }
            else
            {
                byArea[index] = byArea[index] with { Counts = byArea[index].Counts.Add(rating) };
            }
        }

        return new YearSummary(overall, byArea);
    }
}
