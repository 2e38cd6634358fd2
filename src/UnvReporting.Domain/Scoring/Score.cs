using UnvReporting.Domain.Frameworks;
using UnvReporting.Domain.Results;

namespace UnvReporting.Domain.Scoring;

/// <summary>Why an indicator-year has no score and is rated grey.</summary>
public enum NotRateableReason
{
    /// <summary>No milestone was set for the year.</summary>
    NoMilestone,

    /// <summary>No result is available for the year ("no data").</summary>
    NoResult,

    /// <summary>
    /// The figure the score divides by is zero: a zero milestone for a higher-is-better indicator,
    /// a zero result for a lower-is-better one. The ratio has no value, so there is no score.
    /// </summary>
    ZeroDivisor,

    /// <summary>A milestone or result below zero, which no ratio of the reports can describe.</summary>
    NegativeFigure,
}

/// <summary>
/// The score of an indicator-year: the exact ratio in percent, the whole percent that is shown
/// (rounded half away from zero), and the colour decided on that whole percent. A grey score has
/// neither percent and says why.
/// </summary>
public sealed record Score
{
    private Score(decimal? exactPercent, long? wholePercent, Rating rating, NotRateableReason? notRateable)
    {
        ExactPercent = exactPercent;
        WholePercent = wholePercent;
        Rating = rating;
        NotRateable = notRateable;
    }

    /// <summary>The ratio in percent before rounding (112.4301...); null when grey.</summary>
    public decimal? ExactPercent { get; }

    /// <summary>The score as shown: whole percent, half away from zero (97.5 → 98); null when grey.</summary>
    public long? WholePercent { get; }

    public Rating Rating { get; }

    public NotRateableReason? NotRateable { get; }

    public bool IsRated => NotRateable is null;

    /// <summary>The exact percent to two decimals (112.43), for the API and exports; null when grey.</summary>
    public decimal? PercentToTwoDecimals =>
        ExactPercent is { } exact ? decimal.Round(exact, 2, MidpointRounding.AwayFromZero) : null;

    internal static Score Rated(decimal exactPercent, RatingBands bands)
    {
        var whole = (long)decimal.Round(exactPercent, 0, MidpointRounding.AwayFromZero);
        return new Score(exactPercent, whole, bands.Rate(whole), null);
    }

    internal static Score Grey(NotRateableReason reason) => new(null, null, Rating.Grey, reason);
}
