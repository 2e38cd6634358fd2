using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace UnvReporting.Domain.Results;

/// <summary>
/// The stable key of an indicator. The reports write the same code in different ways
/// ("2.1.1.a" in 2019, "2.1.1a" in 2021); the key is the normalised form, "2.1.1a": numbers
/// separated by dots, then an optional lower-case letter joined to the last number.
/// </summary>
public static partial class IndicatorKey
{
    public const int MaxLength = 20;

    /// <summary>The key a code stands for; a refusal carries <paramref name="field"/>, the field the code was entered in.</summary>
    public static string Normalize(string? code, string field = nameof(Indicator.Key)) =>
        TryNormalize(code, out var key)
            ? key
            : throw new DomainException(field, $"Indicator code '{code}' is not of the form 1.1, 2.1.1 or 2.1.1a.");

    public static bool TryNormalize(string? code, [NotNullWhen(true)] out string? key)
    {
        key = null;
        var compact = (code ?? string.Empty).Trim().Replace(" ", string.Empty, StringComparison.Ordinal);
        var match = CodePattern().Match(compact);
        if (!match.Success)
        {
            return false;
        }

        key = match.Groups["numbers"].Value + match.Groups["letter"].Value.ToLowerInvariant();
        return true;
    }

    // At most five levels of three digits and one letter: 19 characters, inside MaxLength.
    [GeneratedRegex(@"^(?<numbers>\d{1,3}(\.\d{1,3}){0,4})(\.?(?<letter>[A-Za-z]))?$", RegexOptions.CultureInvariant)]
    private static partial Regex CodePattern();
}
