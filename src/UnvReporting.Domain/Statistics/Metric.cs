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
        Key = CheckKey(key, $"Metric key");
        Unit = unit;
        NameEn = Guard.Required(nameEn, nameof(NameEn), $"English name", 120);
        NameZh = Guard.Required(nameZh, nameof(NameZh), $"Chinese name", 120);
        DescriptionEn = Guard.Required(descriptionEn, nameof(DescriptionEn), $"English description", 500);
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

    /// <summary>Keys are lower-case words joined by underscores: <c>financial_value_usd</c>. <paramref name="label"/> names the key in the message.</summary>
    public static string CheckKey(string? key, FormattableString label)
    {
        var checkedKey = Guard.Required(key, nameof(Key), label, MaxKeyLength);
        if (!SnakeCase().IsMatch(checkedKey))
        {
            throw new DomainException(nameof(Key), $"{label} '{checkedKey}' must be lower-case words joined by underscores, like volunteers_deployed.");
        }

        return checkedKey;
    }

    [GeneratedRegex("^[a-z][a-z0-9]*(_[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex SnakeCase();
}
