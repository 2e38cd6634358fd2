namespace UnvReporting.Domain;

/// <summary>The rules every stored text follows. <c>field</c> is the key a refusal carries, <c>label</c> the words its message uses.</summary>
internal static class Guard
{
    public static string Required(string? value, string field, FormattableString label, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new DomainException(field, $"{label} is required.");
        }

        var trimmed = value.Trim();
        if (trimmed.Length > maxLength)
        {
            throw new DomainException(field, $"{label} must be at most {maxLength} characters (got {trimmed.Length}).");
        }

        if (PlainText.FirstInvisible(trimmed) is { } character)
        {
            throw new DomainException(field, $"{label} contains an invisible control character (U+{(int)character:X4}); remove it and save again.");
        }

        return trimmed;
    }

    public static string? Optional(string? value, string field, FormattableString label, int maxLength) =>
        string.IsNullOrWhiteSpace(value) ? null : Required(value, field, label, maxLength);
}

/// <summary>The characters no text of the reports holds, which the domain refuses in every text it stores.</summary>
public static class PlainText
{
    /// <summary>
    /// The first control character other than a tab or line break, bidirectional override or
    /// isolate (which make "abc\u202Efdp.exe" read as "abcexe.pdf"), or half of a surrogate
    /// pair; null when there is none. PostgreSQL cannot store a NUL at all, and the rest only
    /// ever arrive by accident or to mislead.
    /// </summary>
    public static char? FirstInvisible(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if ((char.IsControl(c) && c is not ('\t' or '\n' or '\r'))
                || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069')
            {
                return c;
            }

            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return c;
            }
        }

        return null;
    }
}
