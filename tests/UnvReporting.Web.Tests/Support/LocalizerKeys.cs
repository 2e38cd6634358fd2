using System.Text;
using System.Text.RegularExpressions;

namespace UnvReporting.Web.Tests.Support;

/// <summary>
/// The texts the web project asks its <c>IStringLocalizer&lt;SharedResource&gt;</c> for, read from
/// the source: every string literal inside <c>L[...]</c> in the views (the name _ViewImports
/// injects) and inside <c>text[...]</c> in a class that takes the localizer as <c>text</c>, across
/// line breaks and through a <c>switch</c> that picks the key; and the header of every export
/// column (<c>new("Milestone", ColumnKind.Number, 12)</c>), which a Chinese workbook asks for, and
/// every form field's <c>Display(Name = ...)</c> and <c>ErrorMessage = ...</c>.
/// </summary>
public static partial class LocalizerKeys
{
    public const string WebProject = "src/UnvReporting.Web";

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

        return (uses, unreadable);
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

    [GeneratedRegex(@"new\(""([^""\\]*)"",\s*ColumnKind\.")]
    private static partial Regex ExportColumnPattern();

    /// <summary>A form field's label and validation messages, which MVC asks the same localizer for (Localization.AddUnvLocalization).</summary>
    [GeneratedRegex(@"(?:Display\(Name|ErrorMessage)\s*=\s*""([^""\\]*)""")]
    private static partial Regex AnnotationPattern();

    [GeneratedRegex(@"\{(\d+)(?:[,:][^}]*)?\}")]
    private static partial Regex PlaceholderPattern();
}
