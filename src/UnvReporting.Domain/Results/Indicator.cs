namespace UnvReporting.Domain.Results;

/// <summary>
/// An indicator of a framework, identified by its normalised key (see <see cref="IndicatorKey"/>).
/// What it measures and its figures are kept per year in <see cref="IndicatorYear"/>.
/// </summary>
public sealed class Indicator
{
    public Indicator(int frameworkId, string key, ResultArea area, int sortOrder)
    {
        var normalized = IndicatorKey.Normalize(key);
        if (normalized != key)
        {
            throw new DomainException(nameof(Key), $"Indicator key '{key}' must be written in its normal form '{normalized}'.");
        }

        FrameworkId = frameworkId;
        Key = key;
        Area = area;
        SortOrder = sortOrder;
    }

    private Indicator()
    {
        Key = string.Empty;
        Area = null!;
    }

    public int Id { get; private set; }

    public int FrameworkId { get; private set; }

    public string Key { get; private set; }

    public int AreaId { get; private set; }

    /// <summary>The outcome (outcome indicator) or output (output indicator) the indicator reports on.</summary>
    public ResultArea Area { get; private set; }

    public int SortOrder { get; private set; }

    /// <summary>
    /// Moves the indicator to another area of its framework, or changes its place in the list.
    /// An indicator reports on an area of its own framework only.
    /// </summary>
    public void Move(ResultArea area, int sortOrder)
    {
        if (area.FrameworkId != FrameworkId)
        {
            throw new DomainException(nameof(Area), $"Indicator {Key} can only move to a result area of its own framework.");
        }

        Area = area;
        SortOrder = sortOrder;
    }
}
