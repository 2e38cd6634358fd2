using System.Text.RegularExpressions;

namespace UnvReporting.Domain.Statistics;

/// <summary>
/// A kind of yearly volunteer statistic, such as <c>volunteers_deployed</c>. Keys are stable
/// snake_case words used by the API and exports; names are for people, in both languages.
/// A metric has one unit, so every fact of it is in that unit.
/// </summary>
public sealed partial class Metric
{
    public const int MaxKeyLength = 60;

    public Metric(string key, Unit unit, string nameEn, string nameZh, string descriptionEn)
    {
        Key = CheckKey(key, "Metric key");
        Unit = unit;
        NameEn = Guard.Required(nameEn, "English name", 120);
        NameZh = Guard.Required(nameZh, "Chinese name", 120);
        DescriptionEn = Guard.Required(descriptionEn, "English description", 500);
    }

    private Metric()
    {
        Key = NameEn = NameZh = DescriptionEn = string.Empty;
    }

    public string Key { get; private set; }

    public Unit Unit { get; private set; }

    public string NameEn { get; private set; }

    public string NameZh { get; private set; }

    public string DescriptionEn { get; private set; }

    /// <summary>Keys are lower-case words joined by underscores: <c>financial_value_usd</c>.</summary>
    public static string CheckKey(string? key, string field)
    {
        var checkedKey = Guard.Required(key, field, MaxKeyLength);
        if (!SnakeCase().IsMatch(checkedKey))
        {
            throw new DomainException($"{field} '{checkedKey}' must be lower-case words joined by underscores, like volunteers_deployed.");
        }

        return checkedKey;
    }

    [GeneratedRegex("^[a-z][a-z0-9]*(_[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex SnakeCase();
}
