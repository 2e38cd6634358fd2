using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Html;
using UnvReporting.Domain.Sources;

namespace UnvReporting.Web.Platform.Text;

/// <summary>
/// Where a figure comes from, in the reader's language: the document symbol stays as the UN
/// writes it in every language (DP/2022/24), the place in it is translated ("para 14" → "第14段",
/// "output 2.1 table" → "产出2.1表"). Locators are stored as the English reports write them; a
/// locator of another shape is staff's own text and is returned as it is, marked as not translated.
/// </summary>
public static partial class SourceText
{
    /// <summary>One place in a document, translated; <c>null</c> when its shape is not one the reports use.</summary>
    public static string? Locator(string locator, IStringLocalizer<SharedResource> text)
    {
        var trimmed = locator.Trim();
        if (Paragraph().Match(trimmed) is { Success: true } paragraph)
        {
            return text["para {0}", paragraph.Groups[1].Value];
        }

        if (AreaTable().Match(trimmed) is { Success: true } table)
        {
            var number = table.Groups[2].Value;
            return table.Groups[1].Value.ToLowerInvariant() == "output" ? text["output {0} table", number] : text["outcome {0} table", number];
        }

        if (Numbered().Match(trimmed) is { Success: true } numbered)
        {
            var number = numbered.Groups[2].Value;
            return numbered.Groups[1].Value.ToLowerInvariant() switch
            {
                "footnote" => text["footnote {0}", number],
                "annex" => text["annex {0}", number],
                _ => text["table {0}", number],
            };
        }

        return trimmed == SourceReference.EnteredHere.Locator ? text["staff entry"].Value : null;
    }

    /// <summary>
    /// A source as the queries give it, "DP/2022/24 para 14", or several joined by "; ": each
    /// split into the symbol (up to the first space) and the place, the place translated.
    /// </summary>
    public static IReadOnlyList<(string Symbol, string Place, bool Translated)> Parts(string sources, IStringLocalizer<SharedResource> text) =>
        sources.Split("; ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(source =>
            {
                // Text already composed around a source ("100% minus the share given in ...") is kept whole.
                var space = source.IndexOf(' ', StringComparison.Ordinal);
                if (space <= 0 || !source[..space].Contains('/', StringComparison.Ordinal))
                {
                    return (source, string.Empty, true);
                }

                var place = source[(space + 1)..];
                var translated = Locator(place, text);
                return (source[..space], translated ?? place, translated is not null);
            })
            .ToList();

    /// <summary>The sources as plain text, for chart titles and data attributes.</summary>
    public static string Plain(string sources, IStringLocalizer<SharedResource> text) =>
        string.Join(text["; "], Parts(sources, text).Select(p => p.Place.Length == 0 ? p.Symbol : p.Symbol + " " + p.Place));

    /// <summary>The sources as HTML: a place that could not be translated is marked as English, so assistive technology reads it as such.</summary>
    public static IHtmlContent Html(string sources, IStringLocalizer<SharedResource> text)
    {
        var html = new HtmlContentBuilder();
        var parts = Parts(sources, text);
        for (var i = 0; i < parts.Count; i++)
        {
            var (symbol, place, translated) = parts[i];
            html.Append(i == 0 ? string.Empty : text["; "]).Append(symbol);
            if (place.Length == 0)
            {
                continue;
            }

            html.Append(" ");
            if (translated)
            {
                html.Append(place);
            }
            else
            {
                html.AppendHtml("<span lang=\"en\">").Append(place).AppendHtml("</span>");
            }
        }

        return html;
    }

    [GeneratedRegex(@"^(?:para|paragraph)\s+(\d+(?:\([a-z]\))*)$", RegexOptions.IgnoreCase)]
    private static partial Regex Paragraph();

    [GeneratedRegex(@"^(output|outcome)\s+([\d.]+)\s+table$", RegexOptions.IgnoreCase)]
    private static partial Regex AreaTable();

    [GeneratedRegex(@"^(footnote|annex|table)\s+([\dIVXivx.]+)$", RegexOptions.IgnoreCase)]
    private static partial Regex Numbered();
}
