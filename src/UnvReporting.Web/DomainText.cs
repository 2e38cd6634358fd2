using UnvReporting.Domain.Staff;

namespace UnvReporting.Web;

/// <summary>
/// A message of the domain (a <see cref="DomainException"/>'s <see cref="DomainException.Text"/>,
/// an <see cref="EditRule"/>'s refusal, a publication-check gap, a <see cref="NumberInput"/>
/// error) in the reader's language. Its English template is the resource key (ADR-007), and the
/// arguments that are words are translated in turn: a nested message, a <see cref="Term"/>, a
/// role, a result-area kind. Codes, numbers, symbols and what a person typed stay as they are.
/// </summary>
/// <remarks>
/// The keys are the domain's own templates, so they are looked up through the plain
/// <see cref="IStringLocalizer"/>; <c>LocalizerKeys</c> reads them from the source instead
/// (every interpolated string of the domain, and those given to a <see cref="DomainException"/>
/// in the web project), and <c>ResourceTests</c> fails on one without Chinese. It sits beside
/// <see cref="SharedResource"/> and uses nothing else of the web project, because every part
/// says refusals, <c>YearChanges</c> among them, and the text helpers already depend on those
/// parts; so the names of roles and result-area kinds live here, and <c>Words</c> asks for them.
/// </remarks>
public static class DomainText
{
    /// <summary>The message in the reader's language; empty for none (the refusal of a rule that allows).</summary>
    public static string Say(this IStringLocalizer<SharedResource> text, FormattableString? message)
    {
        if (message is null)
        {
            return string.Empty;
        }

        IStringLocalizer templates = text;
        return templates[message.Format, message.GetArguments().Select(a => Argument(text, a)).ToArray()!];
    }

    /// <summary>The message of a refusal, in the reader's language.</summary>
    public static string Say(this IStringLocalizer<SharedResource> text, DomainException refusal) => text.Say(refusal.Text);

    private static object? Argument(IStringLocalizer<SharedResource> text, object? argument) => argument switch
    {
        FormattableString nested => text.Say(nested),
        Term term => TermText(text, term),
        LanguageName language => language.Culture.NativeName,
        Sentences sentences => sentences.Items.Select(text.Say).DefaultIfEmpty(string.Empty).Aggregate((joined, next) => text["{0} {1}", joined, next]),
        StaffRole role => RoleName(text, role),
        ResultAreaKind kind => KindName(text, kind),
        _ => argument,
    };

    /// <summary>A role's name, here and on every page (<c>Words.RoleName</c>).</summary>
    public static string RoleName(IStringLocalizer<SharedResource> text, StaffRole role) => text[role switch
    {
        StaffRole.Viewer => "Viewer",
        StaffRole.Editor => "Editor",
        StaffRole.Approver => "Approver",
        _ => "Admin",
    }];

    /// <summary>A result-area kind's name, here and on every page (<c>Words.LevelName</c>).</summary>
    public static string KindName(IStringLocalizer<SharedResource> text, ResultAreaKind kind) => text[kind switch
    {
        ResultAreaKind.Outcome => "Outcome",
        ResultAreaKind.Output => "Output",
        _ => "Institutional effectiveness",
    }];

    /// <summary>The term's translation; in a language without one (English, whose keys are the text), the term as the sentence writes it.</summary>
    private static string TermText(IStringLocalizer<SharedResource> text, Term term)
    {
        IStringLocalizer keys = text;
        var found = keys[term.Key];
        return found.ResourceNotFound ? term.English : found.Value;
    }
}
