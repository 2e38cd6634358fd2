namespace UnvReporting.Domain;

/// <summary>
/// A word of the product inside a message whose English in the sentence is not its own key: a
/// status reads "draft" mid-sentence, but is translated as the status "Draft" is everywhere else
/// (a resource key differing only in case from another cannot exist). Labels and other words
/// that read as their key are passed as interpolated strings.
/// </summary>
public sealed record Term(string English, string Key)
{
    public override string ToString() => English;
}

/// <summary>
/// A language named inside a message: English by its English name, and in the reader's language
/// by the name the language gives itself ("中文(简体)"), which no resource file needs to hold.
/// </summary>
public sealed record LanguageName(System.Globalization.CultureInfo Culture)
{
    public override string ToString() => Culture.EnglishName;
}
