namespace UnvReporting.Web.Features.Statistics;

/// <summary>A headline figure of the year, with the year before when a report gives it, and the change a report states.</summary>
public sealed record Tile(string Metric, string Name, Unit Unit, StatisticRow? Fact, StatisticRow? Prior, StatisticRow? StatedGrowth);

/// <summary>
/// A year's volunteer statistics arranged as the issue asks: headline tiles and six charts.
/// Built from the facts of the year and of the year before (for the change), which the page
/// reads in one query.
/// </summary>
public sealed class YearFigures
{
    /// <summary>The headline figures, in this order.</summary>
    public static readonly string[] TileMetrics =
    [
        "volunteers_deployed", "volunteer_months", "countries_served", "un_entities_served", "women_share",
        "national_share", "global_south_share", "online_volunteers", "financial_value_usd",
    ];

    /// <summary>The categories of UN Volunteers the reports count, each its own metric.</summary>
    public static readonly string[] CategoryMetrics =
    [
        "youth_volunteers", "community_volunteers", "expert_volunteers", "refugee_volunteers",
        "volunteers_with_disabilities", "fully_funded_volunteers",
    ];

    /// <summary>
    /// Every metric the tiles and charts draw: the page reads these and no others, so a year
    /// holding thousands of other figures costs it nothing.
    /// </summary>
    public static readonly IReadOnlyList<string> Drawn =
    [
        .. TileMetrics,
        .. TileMetrics.Select(GrowthOf),
        .. CategoryMetrics,
        "deployments", "international_share", "age_share",
    ];

    private readonly int _year;
    private readonly IReadOnlyList<StatisticRow> _facts;
    private readonly StatisticNames _names;
    private readonly IStringLocalizer<SharedResource> _text;

    public YearFigures(int year, IReadOnlyList<StatisticRow> facts, StatisticNames names, IStringLocalizer<SharedResource> text)
    {
        _year = year;
        _facts = facts;
        _names = names;
        _text = text;
        Tiles = TileMetrics.Select(BuildTile).ToList();
        Charts = BuildCharts(text).Where(c => c.Rows.Count > 0).ToList();
    }

    public IReadOnlyList<Tile> Tiles { get; }

    /// <summary>The charts that have figures for the year; a chart with none is left out.</summary>
    public IReadOnlyList<StatisticChart> Charts { get; }

    private Tile BuildTile(string metric) => new(
        metric,
        _names.Metric(metric).Name,
        _names.Metric(metric).Unit,
        Find(_year, metric, null, null),
        Find(_year - 1, metric, null, null),
        Find(_year, GrowthOf(metric), null, null));

    /// <summary>The metric in which a report states a figure's change itself; the financial value's drops the currency.</summary>
    private static string GrowthOf(string metric) =>
        metric == "financial_value_usd" ? "financial_value_growth" : metric + "_growth";

    private IEnumerable<StatisticChart> BuildCharts(IStringLocalizer<SharedResource> text)
    {
        yield return Breakdown("entities", text["UN Volunteers per UN entity, {0}", _year], "bar", "deployments", "entity", byValue: true);
        yield return Breakdown("regions", text["Growth in UN Volunteers by region, {0}", _year], "bar", "volunteers_deployed_growth", "region", byValue: false);
        yield return ShareAndRest("national", text["National and international UN Volunteers, {0}", _year], "national_share", text["National"], text["International"], "international_share");
        yield return ShareAndRest("women", text["Women and men among UN Volunteers, {0}", _year], "women_share", text["Women"], text["Men"], null);
        yield return Breakdown("age", text["UN Volunteers by age group, {0}", _year], "bar", "age_share", "age_band", byValue: true);
        yield return new StatisticChart("categories", text["UN Volunteers by category, {0}", _year], "bar", Unit.Count, CategoryMetrics
            .Select(metric => Row(_names.Metric(metric).Name, metric, null, null))
            .OfType<ChartRow>()
            .ToList());
    }

    private StatisticChart Breakdown(string id, string title, string kind, string metric, string dimension, bool byValue)
    {
        // Some members are parts of another one (peacekeeping operations within "UN Secretariat
        // and missions"); the reference data says so in the fact's note. Drawn beside their whole
        // they would count twice, so the chart and its table and CSV leave them out.
        var rows = _facts.Where(f => f.Year == _year && f.Metric == metric && f.Dimension == dimension
                && !(f.Note ?? string.Empty).StartsWith("Part of ", StringComparison.Ordinal))
            .Select(f => Row(_names.Member(dimension, f.Member!), metric, dimension, f.Member)!);
        return new StatisticChart(id, title, kind, _names.Metric(metric).Unit, (byValue ? rows.OrderByDescending(r => r.Value) : rows).ToList());
    }

    /// <summary>
    /// A share and the rest of 100%, for the doughnuts: the reports give the share of women and of
    /// national volunteers; the other part is the report's own figure where it gives one, else
    /// 100% minus the share, and its source says so.
    /// </summary>
    private StatisticChart ShareAndRest(string id, string title, string metric, string shareLabel, string restLabel, string? restMetric)
    {
        if (Row(shareLabel, metric, null, null) is not { } share)
        {
            return new StatisticChart(id, title, "doughnut", Unit.Percent, []);
        }

        // Where the report gives the other part itself (international, 41% in 2021), it is used as given.
        var rest = (restMetric is null ? null : Row(restLabel, restMetric, null, null)) ?? new ChartRow(restLabel, 100 - share.Value, share.Qualifier, _text["100% minus the share given in {0}", SourceText.Plain(share.Source, _text)], 100 - share.Prior);
        return new StatisticChart(id, title, "doughnut", Unit.Percent, [share, rest]);
    }

    private ChartRow? Row(string label, string metric, string? dimension, string? member) =>
        Find(_year, metric, dimension, member) is { } fact
            ? new ChartRow(label, fact.Value, fact.Qualifier, fact.Source, Find(_year - 1, metric, dimension, member)?.Value)
            : null;

    private StatisticRow? Find(int year, string metric, string? dimension, string? member) =>
        _facts.FirstOrDefault(f => f.Year == year && f.Metric == metric && f.Dimension == dimension && f.Member == member);
}
