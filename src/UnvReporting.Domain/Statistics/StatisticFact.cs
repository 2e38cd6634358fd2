using UnvReporting.Domain.Sources;

namespace UnvReporting.Domain.Statistics;

/// <summary>How exactly a report states a figure: "8 282" is exact, "about 1 921" approximate,
/// "more than 600" a lower bound, "nearly 420 000" just under.</summary>
public enum Qualifier
{
    Exact,
    Approximate,
    MoreThan,
    Nearly,
}

/// <summary>
/// One yearly volunteer statistic as a tidy fact: year, metric, optional breakdown
/// (dimension + member, such as entity = UNDP), value, source. A prior-year value that a report
/// states for comparison ("from 53 194 months in 2018") is a fact of that prior year, with the
/// later report as its source.
/// </summary>
public sealed class StatisticFact
{
    public const int MinYear = 1970;
    public const int MaxYear = 2200;
    public const int MaxNoteLength = 500;

    public StatisticFact(
        int year,
        Metric metric,
        DimensionMember? breakdown,
        decimal value,
        Qualifier qualifier,
        SourceReference source,
        string? note)
    {
        if (year is < MinYear or > MaxYear)
        {
            throw new DomainException(nameof(Year), $"Year must be between {MinYear} and {MaxYear} (got {year}).");
        }

        Year = year;
        MetricKey = metric.Key;
        Dimension = breakdown?.DimensionKey;
        Member = breakdown?.Key;
        Value = metric.Unit.Check(value, nameof(Value), $"{metric.NameEn}");
        Qualifier = qualifier;
        Source = source;
        Note = Guard.Optional(note, nameof(Note), $"Note", MaxNoteLength);
    }

    private StatisticFact()
    {
        MetricKey = string.Empty;
        Source = null!;
    }

    public long Id { get; private set; }

    public int Year { get; private set; }

    public string MetricKey { get; private set; }

    public string? Dimension { get; private set; }

    public string? Member { get; private set; }

    public decimal Value { get; private set; }

    public Qualifier Qualifier { get; private set; }

    public SourceReference Source { get; private set; }

    /// <summary>
    /// Staff correction of the figure and where it comes from. The year, metric and breakdown
    /// identify the fact and stay; to move a figure, delete it and add another.
    /// </summary>
    public void Correct(Metric metric, decimal value, Qualifier qualifier, SourceReference source, string? note)
    {
        if (metric.Key != MetricKey)
        {
            throw new DomainException(nameof(MetricKey), $"This fact is of {MetricKey}, not {metric.Key}.");
        }

        var checkedValue = metric.Unit.Check(value, nameof(Value), $"{metric.NameEn}");
        var checkedNote = Guard.Optional(note, nameof(Note), $"Note", MaxNoteLength);
        Value = checkedValue;
        Qualifier = qualifier;
        Source = source;
        Note = checkedNote;
    }

    /// <summary>Why a reader should take care with the figure (derived, approximate year, disagrees with another paragraph).</summary>
    public string? Note { get; private set; }
}
