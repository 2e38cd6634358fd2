using UnvReporting.Domain.Results;

namespace UnvReporting.Domain.Scoring;

/// <summary>How an indicator's result moved since the previous reporting year, judged by its direction.</summary>
public enum ChangeVerdict
{
    Better,
    Worse,
    Same,

    /// <summary>The two years measure different things (the 2020 mid-term review): no verdict is given.</summary>
    DefinitionChanged,

    /// <summary>One of the years has no result, so there is nothing to compare.</summary>
    NoResult,
}

/// <summary>
/// The change of an indicator's result from the previous reporting year that has it to this one.
/// A higher result is better unless the indicator says a lower one is; a year measured under
/// another definition (title, unit, cumulation or direction) is never called better or worse,
/// because its figures are not the same measure.
/// </summary>
public sealed record ResultChange(ChangeVerdict Verdict, decimal? Difference)
{
    public static ResultChange Between(IndicatorDefinition before, decimal? previousResult, IndicatorDefinition now, decimal? result)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(now);
        if (now.DiffersFrom(before))
        {
            return new(ChangeVerdict.DefinitionChanged, null);
        }

        if (previousResult is not { } previous || result is not { } current)
        {
            return new(ChangeVerdict.NoResult, null);
        }

        var difference = current - previous;
        var verdict = difference == 0 ? ChangeVerdict.Same
            : (difference > 0) == (now.Direction == Direction.HigherIsBetter) ? ChangeVerdict.Better
            : ChangeVerdict.Worse;
        return new(verdict, difference);
    }

    /// <summary>True when the result went up, whether that is better or worse.</summary>
    public bool Rose => Difference > 0;

    /// <summary>True when the result went down, whether that is better or worse.</summary>
    public bool Fell => Difference < 0;
}
