namespace UnvReporting.Domain.Results;

/// <summary>
/// What an indicator measures in one reporting year. The 2020 mid-term review redefined several
/// indicators (1.2, 1.1.1, 1.1.2, 1.2.1 became cumulative over the framework; 2.1.1b and 2.1.2b
/// moved to online opportunities and requests), so each year carries the definition in force then.
/// The Chinese title is the official one as published; the English title is ours.
/// </summary>
public sealed record IndicatorDefinition
{
    public const int MaxTitleLength = 400;

    public IndicatorDefinition(string titleEn, string titleZh, Unit unit, bool isCumulative, Direction direction)
    {
        TitleEn = Guard.Required(titleEn, nameof(TitleEn), $"English title", MaxTitleLength);
        TitleZh = Guard.Required(titleZh, nameof(TitleZh), $"Chinese title", MaxTitleLength);
        if (unit is Unit.PercentChange)
        {
            throw new DomainException(nameof(Unit), $"An indicator's unit cannot be a change in percent; use the measure itself.");
        }

        Unit = unit;
        IsCumulative = isCumulative;
        Direction = direction;
    }

    public string TitleEn { get; }

    public string TitleZh { get; }

    public Unit Unit { get; }

    /// <summary>Counted from the start of the framework period rather than within the year.</summary>
    public bool IsCumulative { get; }

    public Direction Direction { get; }

    /// <summary>True when this year's definition measures something else than <paramref name="other"/>'s.</summary>
    public bool DiffersFrom(IndicatorDefinition other) =>
        TitleEn != other.TitleEn || Unit != other.Unit || IsCumulative != other.IsCumulative || Direction != other.Direction;
}
