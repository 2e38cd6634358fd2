using System.Text.RegularExpressions;
using UnvReporting.Web.Tests.Support;

namespace UnvReporting.Web.Tests.Architecture;

/// <summary>
/// The words for the product's values have one home, Platform/Text/Words.cs: a page, API or
/// export that lower-cased an enum's name itself would write a word the OpenAPI document does not
/// list, or show "Usd" to a reader.
/// </summary>
public partial class VocabularyTests
{
    private const string Home = "src/UnvReporting.Web/Platform/Text/Words.cs";

    [Fact]
    public void No_file_but_the_vocabulary_turns_an_enum_name_into_a_word()
    {
        var offenders = RepositoryFiles.Find("src/UnvReporting.Web", "*.cs")
            .Concat(RepositoryFiles.Find("src/UnvReporting.Web", "*.cshtml"))
            .Where(path => path != Home)
            .SelectMany(path => RepositoryFiles.Read(path).Split('\n')
                .Where(line => EnumToWord().IsMatch(line))
                .Select(line => $"{path}: {line.Trim()}"))
            .ToList();

        offenders.ShouldBeEmpty();
    }

    [Fact]
    public void The_pattern_sees_a_lower_cased_enum_name() =>
        EnumToWord().IsMatch("data-rating=\"@indicator.Rating.ToString().ToLowerInvariant()\"").ShouldBeTrue();

    [GeneratedRegex(@"\.ToString\(\)\.ToLower(Invariant)?\(\)")]
    private static partial Regex EnumToWord();
}
