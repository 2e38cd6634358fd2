using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace UnvReporting.Web.Tests.Support;

/// <summary>
/// The Latin words a reader of a Chinese page sees or hears (text, titles, labels, placeholders),
/// leaving out proper names and symbols and whatever is marked <c>lang="en"</c> as English data.
/// Every page read in Chinese is held to it: those a GET shows (ChinesePagesTests) and those a
/// form post answers with (ChineseFormAnswersTests).
/// </summary>
public static partial class EnglishWords
{
    /// <summary>
    /// Latin words a Chinese page may show, each because Chinese documents write it so too:
    /// the organisations' acronyms (UN usage keeps them in Latin letters), file formats on
    /// download links and "Excel", the program's name, "API" as the programmers' name, "UTC" as
    /// Chinese technical writing abbreviates the time standard, "COVID" as UN Chinese texts name
    /// the disease (staff's Chinese narratives write COVID-19), and the
    /// Latin letters of an indicator's code (IE.1).
    /// </summary>
    private static readonly HashSet<string> ProperNames = new(StringComparer.Ordinal)
    {
        "UN", "UNV", "UNDP", "UNFPA", "UNOPS", "SDG",
        "CSV", "XLSX", "PNG", "JSON", "API", "PDF", "DOCX", "Excel", "UTC",
        "IE", "COVID",
    };

    public static IEnumerable<string> In(IDocument document)
    {
        var text = new List<string> { document.Title ?? string.Empty };
        Collect(document.Body!, text);
        return text
            .Select(t => Allowed().Replace(t, " "))
            .SelectMany(t => LatinWord().Matches(t).Select(m => m.Value))
            .Where(word => !ProperNames.Contains(word))
            .Distinct();
    }

    private static void Collect(IElement element, List<string> text)
    {
        if (element.LocalName is "script" or "style" or "code" or "template" || element.GetAttribute("lang") is { } lang && lang.StartsWith("en", StringComparison.Ordinal))
        {
            return;
        }

        foreach (var attribute in new[] { "title", "aria-label", "placeholder", "alt" })
        {
            text.Add(element.GetAttribute(attribute) ?? string.Empty);
        }

        if (element is { LocalName: "input" } && element.GetAttribute("type") is "submit" or "button")
        {
            text.Add(element.GetAttribute("value") ?? string.Empty);
        }

        foreach (var child in element.ChildNodes)
        {
            if (child is IElement childElement)
            {
                Collect(childElement, text);
            }
            else if (child.NodeType == NodeType.Text)
            {
                text.Add(child.TextContent);
            }
        }
    }

    /// <summary>Document symbols (DP/2022/24, UNV/dashboard), e-mail addresses and URLs: names, never words.</summary>
    [GeneratedRegex(@"https?://\S+|[\w.+-]+@[\w-]+(\.[\w-]+)+|(?<![A-Za-z])[A-Za-z]+(/[\w.()-]+)+")]
    private static partial Regex Allowed();

    [GeneratedRegex(@"[A-Za-z][A-Za-z'’]*[A-Za-z]")]
    private static partial Regex LatinWord();
}
