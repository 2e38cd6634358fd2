using UnvReporting.Domain.Results;

namespace UnvReporting.Domain.Scoring;

/// <summary>
/// A disagreement between what the product computes and what a report published for the same
/// indicator-year. Both values are kept and shown; neither replaces the other.
/// </summary>
public abstract record ScoreFlag(string Code);

/// <summary>The computed whole percent is not the published one (2021 indicator 1.1: 63 ÷ 47 gives 134%, the report printed 126%).</summary>
public sealed record ScoreDiffersFromPublished(long? ComputedPercent, int PublishedPercent)
    : ScoreFlag(ScoreFlags.ScoreDiffersFromPublished);

/// <summary>The computed colour is not the published one.</summary>
public sealed record RatingDiffersFromPublished(Rating Computed, Rating Published)
    : ScoreFlag(ScoreFlags.RatingDiffersFromPublished);

/// <summary>The flag codes, as the API and exports write them.</summary>
public static class ScoreFlags
{
    public const string ScoreDiffersFromPublished = "score-differs-from-published";
    public const string RatingDiffersFromPublished = "rating-differs-from-published";
}
