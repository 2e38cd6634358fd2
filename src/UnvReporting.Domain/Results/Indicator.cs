using UnvReporting.Domain.Frameworks;

namespace UnvReporting.Domain.Results;

/// <summary>
/// An indicator of a framework, identified by its normalised key (see <see cref="IndicatorKey"/>).
/// What it measures and its figures are kept per year in <see cref="IndicatorYear"/>; the
/// framework's plan for it (definition, baseline, milestones per year, end target) is kept here,
/// set before any year is reported (<see cref="Plan"/>).
/// </summary>
public sealed class Indicator
{
    public const int MaxDataSourceLength = 500;

    /// <summary>The earliest baseline year accepted: the first UNV frameworks are far later.</summary>
    public const int MinBaselineYear = 1970;

    private readonly List<IndicatorMilestone> _milestones = [];

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

    /// <summary>What the framework document defines the indicator as; null when only its years define it.</summary>
    public IndicatorDefinition? Definition { get; private set; }

    public decimal? BaselineValue { get; private set; }

    public int? BaselineYear { get; private set; }

    /// <summary>Where the framework means to arrive by its last year; when null, the last year's milestone stands for it.</summary>
    public decimal? EndTarget { get; private set; }

    /// <summary>Where the figures come from, as the framework document names it.</summary>
    public string? DataSource { get; private set; }

    /// <summary>The planned milestones, one per framework year at most.</summary>
    public IReadOnlyCollection<IndicatorMilestone> Milestones => _milestones.AsReadOnly();

    /// <summary>The planned milestone of <paramref name="year"/>, if the plan sets one.</summary>
    public decimal? PlannedMilestone(int year) => _milestones.FirstOrDefault(m => m.Year == year)?.Value;

    /// <summary>
    /// Sets the framework's plan for the indicator. <paramref name="framework"/> is the indicator's
    /// own framework: a baseline may come from before it began but not after it ends. Figures
    /// follow the definition's unit. <paramref name="milestones"/>, when given, plans (a value) or
    /// takes back (null) the milestone of each year it names, judged with the new unit; planned
    /// milestones of other years must fit that unit too. Nothing changes when a rule is broken.
    /// </summary>
    public void Plan(
        StrategicFramework framework, IndicatorDefinition definition, decimal? baselineValue, int? baselineYear, decimal? endTarget, string? dataSource,
        IReadOnlyDictionary<int, decimal?>? milestones = null)
    {
        ArgumentNullException.ThrowIfNull(framework);
        ArgumentNullException.ThrowIfNull(definition);
        var baseline = baselineValue is { } b ? definition.Unit.Check(b, nameof(BaselineValue), $"Baseline") : (decimal?)null;
        if (baselineYear is { } year && (year < MinBaselineYear || year > framework.EndYear))
        {
            throw new DomainException(
                nameof(BaselineYear),
                $"Baseline year must be between {MinBaselineYear} and the framework's last year {framework.EndYear} (got {year}).");
        }

        if (baselineValue is not null && baselineYear is null)
        {
            throw new DomainException(nameof(BaselineYear), $"Baseline year is required with a baseline value: say which year the baseline measures.");
        }

        var target = endTarget is { } t ? definition.Unit.Check(t, nameof(EndTarget), $"End target") : (decimal?)null;
        var source = Guard.Optional(dataSource, nameof(DataSource), $"Data source", MaxDataSourceLength);
        var changes = milestones ?? new Dictionary<int, decimal?>();
        foreach (var (milestoneYear, value) in changes)
        {
            CheckMilestone(framework, milestoneYear, value, definition.Unit);
        }

        foreach (var kept in _milestones.Where(m => !changes.ContainsKey(m.Year)))
        {
            definition.Unit.Check(kept.Value, nameof(Milestones), $"Milestone {kept.Year}");
        }

        Definition = definition;
        BaselineValue = baseline;
        BaselineYear = baselineYear;
        EndTarget = target;
        DataSource = source;
        foreach (var (milestoneYear, value) in changes)
        {
            SetMilestone(milestoneYear, value);
        }
    }

    /// <summary>Plans the milestone of one framework year (replacing a planned one); the definition's unit applies.</summary>
    public void PlanMilestone(StrategicFramework framework, int year, decimal value)
    {
        ArgumentNullException.ThrowIfNull(framework);
        var unit = Definition?.Unit
            ?? throw new DomainException(nameof(Definition), $"Indicator {Key} needs its framework-level definition (unit) before milestones are planned.");
        SetMilestone(year, CheckMilestone(framework, year, value, unit));
    }

    /// <summary>Takes back the planned milestone of <paramref name="year"/>, if there is one.</summary>
    public void ClearMilestone(int year) => _milestones.RemoveAll(m => m.Year == year);

    private static decimal? CheckMilestone(StrategicFramework framework, int year, decimal? value, Unit unit)
    {
        if (!framework.Covers(year))
        {
            throw new DomainException(
                nameof(Milestones),
                $"A milestone can be planned only for a year of the {framework.Code} framework ({framework.StartYear} to {framework.EndYear}; got {year}).");
        }

        return value is { } v ? unit.Check(v, nameof(Milestones), $"Milestone {year}") : null;
    }

    private void SetMilestone(int year, decimal? value)
    {
        var planned = _milestones.FirstOrDefault(m => m.Year == year);
        if (value is not { } v)
        {
            ClearMilestone(year);
        }
        else if (planned is not null)
        {
            planned.Change(v);
        }
        else
        {
            _milestones.Add(new IndicatorMilestone(year, v));
        }
    }
}
