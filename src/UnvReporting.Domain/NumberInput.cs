using System.Globalization;
using System.Text;

namespace UnvReporting.Domain;

/// <summary>
/// Reads a figure as a person types it in their own culture: "1,663,729", "1 663 729" (spaces,
/// including the no-break spaces that copying from a report brings along), "53%" for a share,
/// "-4%" for a change. Groups must be whole thousands, so "1,5" in English is refused rather
/// than read as fifteen, and a French "1,5" is one and a half. Exponents, NaN and infinities are
/// not numbers here. The unit's rules (<see cref="UnitRules.Check"/>) apply after reading.
/// </summary>
public static class NumberInput
{
    private static readonly char[] Spaces = [' ', '\u00A0', '\u202F', '\u2009'];

    /// <summary>
    /// True with the value (null for an empty entry, which means "no figure") or false with a
    /// message naming <paramref name="field"/>, kept as a template so the page can translate it.
    /// </summary>
    public static bool TryParse(string? text, Unit unit, CultureInfo culture, FormattableString field, out decimal? value, out FormattableString? error)
    {
        value = null;
        error = null;
        var trimmed = text?.Trim(Spaces).Trim() ?? string.Empty;
        if (trimmed.Length == 0)
        {
            return true;
        }

        if (trimmed.Length > 40)
        {
            error = $"{field} is too long to be a figure.";
            return false;
        }

        var isShare = unit is Unit.Percent or Unit.PercentChange;
        if (trimmed.EndsWith('%'))
        {
            if (!isShare)
            {
                error = $"{field} is {Describe(unit)}, not a percentage: leave out the % sign.";
                return false;
            }

            trimmed = trimmed[..^1].TrimEnd(Spaces);
        }

        var format = culture.NumberFormat;
        if (!TryNormalize(trimmed, format, out var invariant))
        {
            error = $"{field}: '{text}' is not a number as written in {new LanguageName(culture)} (for example {Example(format)}).";
            return false;
        }

        if (!TryParseExact(invariant, field, out var number, out error))
        {
            return false;
        }

        try
        {
            value = unit.Check(number, DomainException.WholeObject, field);
            return true;
        }
        catch (DomainException exception)
        {
            error = exception.Text;
            return false;
        }
    }

    /// <summary>
    /// Reads a number as a program writes it, the API's JSON for one: "53", "-4.5", "5.3e1". The
    /// value must be held exactly: <see cref="decimal"/> rounds what it cannot hold, so "1e-400"
    /// or thirty decimal places would be read as 0 and stored. A number with more decimal places
    /// than any unit keeps (<see cref="UnitRules.MaxDecimalPlaces"/>) is refused from its text,
    /// before any rounding, and so is one beyond decimal's range. The unit's own rules
    /// (<see cref="UnitRules.Check"/>) apply after reading.
    /// </summary>
    public static bool TryParseExact(string text, FormattableString field, out decimal value, out FormattableString? error)
    {
        value = 0;
        error = null;
        if (!TryMeasure(text, out var decimalPlaces, out var integerDigits))
        {
            error = $"{field}: '{text}' is not a number.";
            return false;
        }

        if (decimalPlaces > UnitRules.MaxDecimalPlaces)
        {
            error = $"{field} can have at most {UnitRules.MaxDecimalPlaces} decimal places (got {text}).";
            return false;
        }

        // A decimal holds 28 to 29 digits; a figure of 30 or more integer digits is no figure.
        if (integerDigits > 29 || !decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out value))
        {
            error = $"{field} is implausibly large.";
            return false;
        }

        return true;
    }

    /// <summary>
    /// The decimal places and integer digits of a plain or exponent number ("-1.250e2": none and
    /// three), without trailing or leading zeros, counted from the text alone.
    /// </summary>
    private static bool TryMeasure(string text, out long decimalPlaces, out long integerDigits)
    {
        decimalPlaces = 0;
        integerDigits = 0;
        var position = text.StartsWith('-') ? 1 : 0;
        var digits = new StringBuilder();
        var fractionLength = 0;
        var integerLength = 0;
        for (; position < text.Length && char.IsAsciiDigit(text[position]); position++, integerLength++)
        {
            digits.Append(text[position]);
        }

        if (position < text.Length && text[position] == '.')
        {
            for (position++; position < text.Length && char.IsAsciiDigit(text[position]); position++, fractionLength++)
            {
                digits.Append(text[position]);
            }

            if (fractionLength == 0)
            {
                return false;
            }
        }

        if (integerLength == 0)
        {
            return false;
        }

        long exponent = 0;
        if (position < text.Length && text[position] is 'e' or 'E')
        {
            var exponentText = text[(position + 1)..];
            var digitsStart = exponentText.StartsWith('+') || exponentText.StartsWith('-') ? 1 : 0;
            if (exponentText.Length == digitsStart || !exponentText[digitsStart..].All(char.IsAsciiDigit))
            {
                return false;
            }

            // Beyond nine digits the exponent is absurd either way; its sign decides which way.
            exponent = exponentText.Length - digitsStart > 9
                ? (exponentText.StartsWith('-') ? -1_000_000_000L : 1_000_000_000L)
                : long.Parse(exponentText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            position = text.Length;
        }

        if (position != text.Length)
        {
            return false;
        }

        var significant = digits.ToString().TrimStart('0');
        if (significant.Length == 0)
        {
            return true;
        }

        // Trailing zeros are no decimal places ("1.50", "100e-2" is 1): the scale counts what is left.
        var scale = fractionLength - exponent;
        var trimmed = significant.TrimEnd('0');
        scale -= significant.Length - trimmed.Length;
        decimalPlaces = Math.Max(scale, 0);
        integerDigits = Math.Max(trimmed.Length - scale, 0);
        return true;
    }

    /// <summary>
    /// Rewrites the culture's digits, groups and decimal mark as an invariant number, or fails when
    /// the text is anything else. Only ASCII digits count: a full-width digit is refused, not guessed.
    /// </summary>
    private static bool TryNormalize(string text, NumberFormatInfo format, out string invariant)
    {
        invariant = string.Empty;
        var builder = new StringBuilder(text.Length);
        var position = 0;
        if (text.StartsWith(format.NegativeSign, StringComparison.Ordinal) || text.StartsWith('-') || text.StartsWith('\u2212'))
        {
            builder.Append('-');
            position = text.StartsWith(format.NegativeSign, StringComparison.Ordinal) ? format.NegativeSign.Length : 1;
        }

        var decimalMark = format.NumberDecimalSeparator;
        var groupMarks = new List<string> { format.NumberGroupSeparator };
        groupMarks.AddRange(Spaces.Select(c => c.ToString()));

        var integerDigits = new StringBuilder();
        var groups = new List<int>();
        var digitsInGroup = 0;
        var seenDecimal = false;
        var fraction = new StringBuilder();
        while (position < text.Length)
        {
            var c = text[position];
            if (c is >= '0' and <= '9')
            {
                (seenDecimal ? fraction : integerDigits).Append(c);
                if (!seenDecimal)
                {
                    digitsInGroup++;
                }

                position++;
                continue;
            }

            if (!seenDecimal && text.AsSpan(position).StartsWith(decimalMark, StringComparison.Ordinal))
            {
                seenDecimal = true;
                position += decimalMark.Length;
                continue;
            }

            var group = seenDecimal ? null : groupMarks.FirstOrDefault(g => g.Length > 0 && text.AsSpan(position).StartsWith(g, StringComparison.Ordinal));
            if (group is null || digitsInGroup == 0)
            {
                return false;
            }

            groups.Add(digitsInGroup);
            digitsInGroup = 0;
            position += group.Length;
        }

        if (integerDigits.Length == 0 || (seenDecimal && fraction.Length == 0))
        {
            return false;
        }

        if (groups.Count > 0)
        {
            // "1,663,729": a first group of one to three digits, then groups of exactly three.
            groups.Add(digitsInGroup);
            if (groups[0] > 3 || groups.Skip(1).Any(g => g != 3))
            {
                return false;
            }
        }

        builder.Append(integerDigits);
        if (seenDecimal)
        {
            builder.Append('.').Append(fraction);
        }

        invariant = builder.ToString();
        return true;
    }

    private static string Example(NumberFormatInfo format) =>
        (1_663_729.5m).ToString("#,##0.#", format);

    private static FormattableString Describe(Unit unit) => unit switch
    {
        Unit.Count => $"a count",
        Unit.Months => $"a number of months",
        Unit.Usd => $"an amount in US dollars",
        Unit.WorkingDays => $"a number of working days",
        Unit.Years => $"a number of years",
        _ => $"a number",
    };
}
