namespace UnvReporting.Web.Features.Admin.Frameworks.Import;

/// <summary>What a column of the framework spreadsheet holds.</summary>
public enum FrameworkField
{
    Type,
    Code,
    Kind,
    Parent,
    Key,
    Area,
    TitleEn,
    TitleZh,
    Unit,
    Direction,
    Cumulative,
    Baseline,
    BaselineYear,
    Milestone,
    EndTarget,
    DataSource,
    Order,

    /// <summary>The row's version when the template was written: a changed row must still have it (ConcurrencyVersion).</summary>
    Version,
}

/// <summary>A column: its field, and for a milestone the framework year it plans.</summary>
public sealed record FrameworkColumn(FrameworkField Field, int? Year = null);

/// <summary>
/// The layout of the framework spreadsheet: a "Result areas" and an "Indicators" sheet in XLSX,
/// one table with a Type column in CSV (the union of both sheets' columns). Headers are written in
/// the reader's language and read in English or Chinese alike; the values are the vocabulary's
/// wire words (outcome, percent, higher, yes) in both.
/// </summary>
public static class FrameworkColumns
{
    public const string AreaSheet = "Result areas";
    public const string IndicatorSheet = "Indicators";

    public const string IndicatorType = "indicator";

    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-Hans");

    public static IReadOnlyList<FrameworkColumn> Areas { get; } =
        [new(FrameworkField.Code), new(FrameworkField.Kind), new(FrameworkField.Parent), new(FrameworkField.TitleEn), new(FrameworkField.TitleZh), new(FrameworkField.Order), new(FrameworkField.Version)];

    public static IReadOnlyList<FrameworkColumn> Indicators(IEnumerable<int> years) =>
    [
        new(FrameworkField.Key), new(FrameworkField.Area), new(FrameworkField.TitleEn), new(FrameworkField.TitleZh),
        new(FrameworkField.Unit), new(FrameworkField.Direction), new(FrameworkField.Cumulative),
        new(FrameworkField.Baseline), new(FrameworkField.BaselineYear),
        .. years.Select(y => new FrameworkColumn(FrameworkField.Milestone, y)),
        new(FrameworkField.EndTarget), new(FrameworkField.DataSource), new(FrameworkField.Order), new(FrameworkField.Version),
    ];

    /// <summary>The CSV table: Type, then each column of either sheet once (Kind is the Type column's job there), Version last as on the sheets.</summary>
    public static IReadOnlyList<FrameworkColumn> Csv(IEnumerable<int> years) =>
        [new(FrameworkField.Type), .. Areas.Where(c => c.Field != FrameworkField.Kind).Concat(Indicators(years)).DistinctBy(c => c).OrderBy(c => c.Field == FrameworkField.Version).ToList()];

    public static string Header(FrameworkColumn column, IStringLocalizer<SharedResource> text) => column.Field switch
    {
        FrameworkField.Milestone => text["Milestone {0}", column.Year!.Value.ToString(CultureInfo.InvariantCulture)],
        var field => text[field switch
        {
            FrameworkField.Type => "Type",
            FrameworkField.Code => "Code",
            FrameworkField.Kind => "Kind",
            FrameworkField.Parent => "Parent",
            FrameworkField.Key => "Key",
            FrameworkField.Area => "Result area",
            FrameworkField.TitleEn => "Title EN",
            FrameworkField.TitleZh => "Title ZH",
            FrameworkField.Unit => "Unit",
            FrameworkField.Direction => "Direction",
            FrameworkField.Cumulative => "Is cumulative",
            FrameworkField.Baseline => "Baseline",
            FrameworkField.BaselineYear => "Baseline year",
            FrameworkField.EndTarget => "End target",
            FrameworkField.DataSource => "Data source",
            FrameworkField.Version => "Version",
            _ => "Order",
        }],
    };

    /// <summary>Every name a column is known by: its English and its Chinese header.</summary>
    public static string[] Names(FrameworkColumn column, IStringLocalizer<SharedResource> text)
    {
        // The localizer reads the current UI culture: asked under Chinese, whatever the reader's language.
        var culture = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = Chinese;
        try
        {
            return [Header(column, Words.English), Header(column, text)];
        }
        finally
        {
            CultureInfo.CurrentUICulture = culture;
        }
    }

    public static string Kind(ResultAreaKind kind) => Words.Level(kind);

    public static bool TryKind(string? text, out ResultAreaKind kind)
    {
        foreach (var candidate in Enum.GetValues<ResultAreaKind>())
        {
            if (string.Equals(text, Kind(candidate), StringComparison.OrdinalIgnoreCase))
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }

    public static bool TryUnit(string? text, out Unit unit)
    {
        foreach (var candidate in Enum.GetValues<Unit>())
        {
            if (string.Equals(text, Words.Unit(candidate), StringComparison.OrdinalIgnoreCase))
            {
                unit = candidate;
                return true;
            }
        }

        unit = default;
        return false;
    }

    public static bool TryDirection(string? text, out Direction direction)
    {
        foreach (var candidate in Enum.GetValues<Direction>())
        {
            if (string.Equals(text, Words.Direction(candidate), StringComparison.OrdinalIgnoreCase))
            {
                direction = candidate;
                return true;
            }
        }

        direction = default;
        return false;
    }

    public static string Cumulative(bool cumulative) => cumulative ? "yes" : "no";

    public static bool TryCumulative(string? text, out bool cumulative)
    {
        cumulative = text?.Trim().ToLowerInvariant() is "yes" or "true" or "y" or "是";
        return cumulative || text?.Trim().ToLowerInvariant() is "no" or "false" or "n" or "否";
    }

    public static string Units => string.Join(", ", Enum.GetValues<Unit>().Where(u => u != Unit.PercentChange).Select(Words.Unit));
}
