namespace UnvReporting.Domain.Results;

/// <summary>
/// The milestone a framework plans for one of its years, before the year is opened. Opening the
/// year copies it into the indicator-year, where the year's own milestone may then be corrected.
/// </summary>
public sealed class IndicatorMilestone
{
    internal IndicatorMilestone(int year, decimal value)
    {
        Year = year;
        Value = value;
    }

    private IndicatorMilestone()
    {
    }

    public int Id { get; private set; }

    public int IndicatorId { get; private set; }

    public int Year { get; private set; }

    public decimal Value { get; private set; }

    internal void Change(decimal value) => Value = value;
}
