using UnvReporting.Domain.Sources;

namespace UnvReporting.Domain.Results;

/// <summary>
/// How much of an indicator's targets was achieved over several years together, as a review
/// reports it: the 2020 mid-term review gives 2018-2019 percentages for the outcome 1
/// indicators (DP/2020/14 para 64). Stored as published; it is not a yearly score.
/// </summary>
public sealed class CumulativeAchievement
{
    public CumulativeAchievement(Indicator indicator, int fromYear, int toYear, int percentOfTarget, SourceReference source)
    {
        if (toYear < fromYear)
        {
            throw new DomainException(nameof(ToYear), $"A period must end in or after its first year ({fromYear}-{toYear}).");
        }

        if (percentOfTarget is < 0 or > 100_000)
        {
            throw new DomainException(nameof(PercentOfTarget), $"A percentage of target must be between 0% and 100000% (got {percentOfTarget}%).");
        }

        Indicator = indicator;
        FromYear = fromYear;
        ToYear = toYear;
        PercentOfTarget = percentOfTarget;
        Source = source;
    }

    private CumulativeAchievement()
    {
        Indicator = null!;
        Source = null!;
    }

    public int Id { get; private set; }

    public int IndicatorId { get; private set; }

    public Indicator Indicator { get; private set; }

    public int FromYear { get; private set; }

    public int ToYear { get; private set; }

    public int PercentOfTarget { get; private set; }

    public SourceReference Source { get; private set; }
}
