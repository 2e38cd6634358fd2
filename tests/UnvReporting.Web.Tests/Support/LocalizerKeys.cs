using System.Text;
using System.Text.RegularExpressions;

namespace UnvReporting.Web.Tests.Support;

/// <summary>
/// The texts the web project asks its <c>IStringLocalizer&lt;SharedResource&gt;</c> for, read from
/// the source: every string literal inside <c>L[...]</c> in the views (the name _ViewImports
/// injects) and inside <c>text[...]</c> in a class that takes the localizer as <c>text</c>, across
/// line breaks and through a <c>switch</c> that picks the key; and the header of every export
/// column (<c>new("Milestone", ColumnKind.Number, 12)</c>), which a Chinese workbook asks for, and
/// every form field's <c>Display(Name = ...)</c> and <c>ErrorMessage = ...</c>; and the templates of
/// the domain's messages, which <c>DomainText</c> looks up: every interpolated string of the domain
/// project (each is a message or a label for people; the rest of its text is built otherwise), and
/// every one the web project gives a <c>DomainException</c>, holes numbered as C# numbers them.
/// </summary>
public static partial class LocalizerKeys
{
    public const string WebProject = "src/UnvReporting.Web";

    public const string DomainProject = "src/UnvReporting.Domain";

    public sealed record Use(string File, int Line, string Key);

    /// <summary>Every use, and every call whose key is not a plain literal (which no scan can check).</summary>
    public static (List<Use> Uses, List<string> Unreadable) Scan()
    {
        var uses = new List<Use>();
        var unreadable = new List<string>();
        var views = RepositoryFiles.Find(WebProject, "*.cshtml");
        var viewNames = views.Where(v => v.EndsWith("_ViewImports.cshtml", StringComparison.Ordinal))
            .SelectMany(v => Declared(RepositoryFiles.Read(v)))
            .ToList();
        foreach (var file in views.Concat(RepositoryFiles.Find(WebProject, "*.cs")))
        {
            var source = RepositoryFiles.Read(file);
            var names = Declared(source).Concat(file.EndsWith(".cshtml", StringComparison.Ordinal) ? viewNames : []).Distinct();
            foreach (var name in names)
            {
                foreach (Match call in new Regex($@"(?<![\w.]){Regex.Escape(name)}\[").Matches(source))
                {
                    var line = source[..call.Index].Count(c => c == '\n') + 1;
                    var literals = LiteralsInBrackets(source, call.Index + call.Length - 1);
                    if (literals is null || literals.Count == 0)
                    {
                        unreadable.Add($"{file}:{line}");
                        continue;
                    }

                    uses.AddRange(literals.Select(key => new Use(file, line, key)));
                }
            }
        }

        foreach (var file in RepositoryFiles.Find(WebProject, "*.cs"))
        {
            var source = RepositoryFiles.Read(file);
            foreach (Match column in ExportColumnPattern().Matches(source).Concat(AnnotationPattern().Matches(source)))
            {
                uses.Add(new Use(file, source[..column.Index].Count(c => c == '\n') + 1, column.Groups[1].Value));
            }
        }

        uses.AddRange(DomainTemplates());
        return (uses, unreadable);
    }

    /// <summary>The templates of the domain's messages (see the class summary); those without a word ("{0}") need no translation.</summary>
    public static IEnumerable<Use> DomainTemplates()
    {
        foreach (var file in RepositoryFiles.Find(DomainProject, "*.cs"))
        {
            var source = RepositoryFiles.Read(file);
            foreach (var (index, template) in Interpolations(source, 0, source.Length))
            {
                yield return new Use(file, source[..index].Count(c => c == '\n') + 1, template);
            }
        }

        foreach (var file in RepositoryFiles.Find(WebProject, "*.cs"))
        {
            var source = RepositoryFiles.Read(file);
            foreach (Match call in DomainExceptionPattern().Matches(source))
            {
                var end = ClosingParenthesis(source, call.Index + call.Length - 1);
                foreach (var (index, template) in Interpolations(source, call.Index, end))
                {
                    yield return new Use(file, source[..index].Count(c => c == '\n') + 1, template);
                }
            }
        }
    }

    /// <summary>
    /// The interpolated strings between two positions as <see cref="FormattableString.Format"/>
    /// gives them: "{label} is required." is "{0} is required.", "{value:X4}" is "{0:X4}".
    /// </summary>
    public static IEnumerable<(int Index, string Template)> Interpolations(string source, int start, int end)
    {
        // Reads the code as the compiler does, so that no "$\"" inside a comment, a verbatim
        // string (a regular expression ending in $) or a character is taken for a message.
        for (var i = start; i < end; i++)
        {
            switch (source[i])
            {
                case '/' when source[i + 1] == '/':
                    i = source.IndexOf('\n', i);
                    break;
                case '/' when source[i + 1] == '*':
                    i = source.IndexOf("*/", i, StringComparison.Ordinal) + 1;
                    break;
                case '\'':
                    i = source.IndexOf('\'', source[i + 1] == '\\' ? i + 3 : i + 2);
                    break;
                case '@' when source[i + 1] == '"':
                    for (i += 2; source[i] != '"' || source[i + 1] == '"'; i += source[i] == '"' ? 2 : 1)
                    {
                    }

                    break;
                case '$' when source[i + 1] == '"':
                    var (template, after) = ReadInterpolation(source, i + 2);
                    if (template.Any(char.IsLetter))
                    {
                        yield return (i, template);
                    }

                    i = after;
                    break;
                case '"':
                    for (i++; source[i] != '"'; i += source[i] == '\\' ? 2 : 1)
                    {
                    }

                    break;
            }
        }
    }

    private static (string Template, int End) ReadInterpolation(string source, int position)
    {
        var template = new StringBuilder();
        var hole = 0;
        for (var i = position; ; i++)
        {
            var c = source[i];
            if (c == '"')
            {
                return (template.ToString(), i);
            }

            if (c == '\\')
            {
                i++;
                template.Append(source[i] switch { 'n' => '\n', 't' => '\t', var escaped => escaped });
            }
            else if ((c == '{' || c == '}') && source[i + 1] == c)
            {
                template.Append(c, 2);
                i++;
            }
            else if (c == '{')
            {
                // The hole's expression runs to the first ':' or ',' or '}' outside brackets and strings.
                var depth = 0;
                for (i++; depth > 0 || source[i] is not (':' or ',' or '}'); i++)
                {
                    switch (source[i])
                    {
                        case '(' or '[' or '{':
                            depth++;
                            break;
                        case ')' or ']' or '}':
                            depth--;
                            break;
                        case '"':
                            i = source[i - 1] == '$' ? ReadInterpolation(source, i + 1).End : source.IndexOf('"', i + 1);
                            break;
                    }
                }

                var close = source.IndexOf('}', i);
                template.Append('{').Append(hole++.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(source, i, close - i).Append('}');
                i = close;
            }
            else
            {
                template.Append(c);
            }
        }
    }

    private static int ClosingParenthesis(string source, int open)
    {
        var depth = 0;
        for (var i = open; i < source.Length; i++)
        {
            if (source[i] == '(')
            {
                depth++;
            }
            else if (source[i] == ')' && --depth == 0)
            {
                return i;
            }
        }

        return source.Length;
    }

    /// <summary>The placeholders of a format string, {0} {1}, as a sorted set of their numbers.</summary>
    public static List<int> Placeholders(string format) =>
        PlaceholderPattern().Matches(format).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))
            .Distinct().Order().ToList();

    private static IEnumerable<string> Declared(string source) =>
        DeclarationPattern().Matches(source).Select(m => m.Groups[1].Value);

    /// <summary>The string literals between the bracket at <paramref name="open"/> and its match; null for an interpolated or verbatim string.</summary>
    private static List<string>? LiteralsInBrackets(string source, int open)
    {
        var literals = new List<string>();
        var depth = 0;
        for (var i = open; i < source.Length; i++)
        {
            switch (source[i])
            {
                case '[':
                    depth++;
                    break;
                case ']':
                    depth--;
                    if (depth == 0)
                    {
                        return literals;
                    }

                    break;
                case '"':
                    if (source[i - 1] is '$' or '@')
                    {
                        return null;
                    }

                    var text = new StringBuilder();
                    for (i++; source[i] != '"'; i++)
                    {
                        if (source[i] == '\\')
                        {
                            i++;
                            text.Append(source[i] switch { 'n' => '\n', 't' => '\t', var c => c });
                        }
                        else
                        {
                            text.Append(source[i]);
                        }
                    }

                    literals.Add(text.ToString());
                    break;
            }
        }

        return null;
    }

    [GeneratedRegex(@"IStringLocalizer<SharedResource>\s+(\w+)")]
    private static partial Regex DeclarationPattern();

    [GeneratedRegex(@"new DomainException\(")]
    private static partial Regex DomainExceptionPattern();

    [GeneratedRegex(@"new\(""([^""\\]*)"",\s*ColumnKind\.")]
    private static partial Regex ExportColumnPattern();

    /// <summary>A form field's label and validation messages, which MVC asks the same localizer for (Localization.AddUnvLocalization).</summary>
    [GeneratedRegex(@"(?:Display\(Name|ErrorMessage)\s*=\s*""([^""\\]*)""")]
    private static partial Regex AnnotationPattern();

    [GeneratedRegex(@"\{(\d+)(?:[,:][^}]*)?\}")]
    private static partial Regex PlaceholderPattern();
}
