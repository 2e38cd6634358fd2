namespace UnvReporting.Domain;

/// <summary>
/// A rule of the domain was broken. <see cref="Field"/> says which value broke it with a stable
/// key, the name of the property the value goes into ("Milestone", "NarrativeEn"; "Reason" for the
/// reason of a correction), so a page or the API puts the message next to the right input without
/// reading the message. The message is written for the person who entered the value (or the
/// author of the reference data file): it names the field in words and the rule.
/// </summary>
/// <remarks>
/// <see cref="Text"/> keeps the message as its English template and arguments, so the web layer
/// says it in the reader's language (docs/decisions/ADR-007): the template is the resource key,
/// and an argument that is itself words (a label, a <see cref="Term"/>, a role) is translated in
/// turn. <see cref="Exception.Message"/> is the English, for logs, the API and the tests.
/// </remarks>
public sealed class DomainException(string field, FormattableString text) : Exception(text.ToString())
{
    /// <summary>The key of a rule about the whole object or the change (who may make it), not one of its values.</summary>
    public const string WholeObject = "";

    /// <summary>
    /// A rule about the whole change. Domain code names the field; this form is for callers
    /// outside the domain that refuse a change in its words.
    /// </summary>
    public DomainException(FormattableString text)
        : this(WholeObject, text)
    {
    }

    public string Field { get; } = field;

    /// <summary>The message before it was put into English: its template and arguments.</summary>
    public FormattableString Text { get; } = text;
}
