namespace UnvReporting.Web.Tests.Support;

/// <summary>What a field holds, which decides which of the corpus's values it must refuse.</summary>
public enum FieldKind
{
    /// <summary>A figure typed in the reader's culture: a milestone, a result, a statistic.</summary>
    Number,

    /// <summary>A calendar year, or a whole number such as a sort order or a colour band.</summary>
    WholeNumber,

    /// <summary>A code with a pattern: an indicator key, an area code, a framework code.</summary>
    Key,

    /// <summary>One line of text that may legitimately hold markup or quotes (a title, a reason, a symbol).</summary>
    ShortText,

    /// <summary>Paragraphs of text (a narrative), where line breaks are allowed.</summary>
    LongText,

    Email,

    /// <summary>A password typed at sign-in or when changing it: anything wrong is simply "not right".</summary>
    Password,

    /// <summary>A value from a fixed list: a role, a unit, a direction, a qualifier, a metric, a member.</summary>
    Choice,

    /// <summary>A concurrency version as the page or API handed it out.</summary>
    Version,
}

/// <summary>One hostile or malformed value, named so a failure says which one it was.</summary>
public sealed record BadValue(string Name, string Value)
{
    public override string ToString() => Name;
}

/// <summary>
/// The bad-input corpus of issue 7: values a careless, confused or hostile person may type or
/// send. <see cref="RefusedBy"/> picks, per kind of field, the values that must be refused with
/// a message and leave the database as it was. Values a field may legitimately hold stay out of
/// its list: a narrative may contain "&lt;b&gt;" or "1 OR 1=1", and is then stored as typed and
/// must render as text (the output-encoding tests); "-0" is a valid figure (zero); an empty
/// optional text clears the field.
/// </summary>
public static class BadInput
{
    public static readonly BadValue Letters = new("letters", "abc");
    public static readonly BadValue NaN = new("NaN", "NaN");
    public static readonly BadValue Infinity = new("Infinity", "Infinity");
    public static readonly BadValue Exponent = new("1e309", "1e309");
    public static readonly BadValue Negative = new("negative", "-1");
    public static readonly BadValue NegativeZero = new("negative zero", "-0");
    public static readonly BadValue HugeNumber = new("400 nines", new string('9', 400));
    public static readonly BadValue Overflow = new("99999999999", "99999999999");
    public static readonly BadValue Empty = new("empty", string.Empty);
    public static readonly BadValue Blank = new("whitespace", " \t ");
    public static readonly BadValue Oversize = new("100,000 characters", new string('x', 100_000));
    public static readonly BadValue Nul = new("NUL", "a\u0000b");
    public static readonly BadValue Bell = new("BEL", "a\u0007b");
    public static readonly BadValue RightToLeftOverride = new("RLO", "abc\u202Efdp.exe");
    public static readonly BadValue EnglishComma = new("1,5 in English", "1,5");
    public static readonly BadValue GermanNumber = new("1.234,5", "1.234,5");
    public static readonly BadValue SqlDrop = new("SQL drop", "'; DROP TABLE \"IndicatorYears\"; --");
    public static readonly BadValue SqlOr = new("SQL or", "1 OR 1=1");
    public static readonly BadValue Script = new("script", "<script>alert(1)</script>");
    public static readonly BadValue ImageOnError = new("img onerror", "\"><img src=x onerror=alert(1)>");
    public static readonly BadValue ScriptBreakout = new("script breakout", "</script><script>alert(1)</script>");

    /// <summary>Every value of the corpus (the lone surrogate is the API's: a form cannot carry one).</summary>
    public static readonly IReadOnlyList<BadValue> All =
    [
        Letters, NaN, Infinity, Exponent, Negative, NegativeZero, HugeNumber, Overflow, Empty, Blank, Oversize,
        Nul, Bell, RightToLeftOverride, EnglishComma, GermanNumber, SqlDrop, SqlOr, Script, ImageOnError, ScriptBreakout,
    ];

    /// <summary>Control characters, including the right-to-left override that disguises a text's end as its start.</summary>
    public static readonly IReadOnlyList<BadValue> ControlCharacters = [Nul, Bell, RightToLeftOverride];

    /// <summary>
    /// The values a field of this kind must refuse. <paramref name="required"/>: whether leaving it
    /// empty is itself an error (a title must be given; a narrative may be cleared).
    /// </summary>
    public static IReadOnlyList<BadValue> RefusedBy(FieldKind kind, bool required = true)
    {
        var empties = required ? new[] { Empty, Blank } : [];
        return kind switch
        {
            // Empty clears a figure, "-0" is zero, and 99,999,999,999 is inside the largest
            // unit's range: all legitimate. "-1" is refused by every unit the corpus fields use
            // (shares, counts), though a change in percent would take it.
            FieldKind.Number => [.. All.Except([NegativeZero, Overflow, Empty, Blank]), .. empties],
            FieldKind.WholeNumber => [.. All.Except([Empty, Blank]), .. empties],
            FieldKind.Key => [.. All.Except([Empty, Blank]), .. empties],
            FieldKind.ShortText or FieldKind.LongText => [Oversize, .. ControlCharacters, .. empties],
            FieldKind.Email => [.. All.Except([Empty, Blank]), .. empties],
            FieldKind.Password => [.. All.Except([Empty, Blank]), .. empties],
            // A list bound to an enum reads "-0" as its first member and "1,5" as the members 1|5
            // (model binding parses flags): both end as one of the listed choices.
            FieldKind.Choice => [.. All.Except([NegativeZero, EnglishComma, Empty, Blank]), .. empties],
            FieldKind.Version => [.. All.Except([Empty, Blank]), .. empties],
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
    }
}
