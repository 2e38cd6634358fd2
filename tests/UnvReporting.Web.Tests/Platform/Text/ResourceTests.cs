using System.Xml.Linq;
using UnvReporting.Web.Tests.Support;

namespace UnvReporting.Web.Tests.Platform.Text;

/// <summary>
/// The Chinese resource file against the source (docs/decisions/ADR-007): the key is the English
/// text, so a missing entry silently shows English on a Chinese page and a stale one is never seen.
/// </summary>
public class ResourceTests
{
    private const string ChineseResources = LocalizerKeys.WebProject + "/Resources/SharedResource.zh-Hans.resx";

    private static readonly Lazy<(List<LocalizerKeys.Use> Uses, List<string> Unreadable)> Source = new(LocalizerKeys.Scan);

    private static readonly Lazy<List<(string Key, string Value)>> Translations = new(() =>
        XDocument.Parse(RepositoryFiles.Read(ChineseResources)).Root!.Elements("data")
            .Select(d => ((string)d.Attribute("name")!, (string?)d.Element("value") ?? string.Empty))
            .ToList());

    [Fact]
    public void Every_text_the_pages_ask_for_has_a_Chinese_translation()
    {
        var translated = Translations.Value.Where(t => !string.IsNullOrWhiteSpace(t.Value)).Select(t => t.Key).ToHashSet(StringComparer.Ordinal);

        var missing = Source.Value.Uses.Where(u => !translated.Contains(u.Key)).Select(u => $"{u.File}:{u.Line} \"{u.Key}\"").Distinct().ToList();

        missing.ShouldBeEmpty();
    }

    [Fact]
    public void Every_translation_is_used_somewhere()
    {
        var used = Source.Value.Uses.Select(u => u.Key).ToHashSet(StringComparer.Ordinal);

        Translations.Value.Select(t => t.Key).Where(k => !used.Contains(k)).ShouldBeEmpty();
    }

    [Fact]
    public void Every_translation_keeps_the_placeholders_of_its_English_text()
    {
        var mismatched = Translations.Value
            .Where(t => !LocalizerKeys.Placeholders(t.Key).SequenceEqual(LocalizerKeys.Placeholders(t.Value)))
            .Select(t => $"\"{t.Key}\" → \"{t.Value}\"")
            .ToList();

        mismatched.ShouldBeEmpty();
    }

    [Fact]
    public void Each_text_is_translated_once()
    {
        Translations.Value.GroupBy(t => t.Key, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ShouldBeEmpty();
    }

    [Fact]
    public void The_scan_reads_every_localized_text_including_those_split_over_lines_or_picked_by_a_switch()
    {
        var keys = Source.Value.Uses.Select(u => u.Key).ToHashSet(StringComparer.Ordinal);

        Source.Value.Unreadable.ShouldBeEmpty("a key that is not a literal cannot be checked against the resource file");
        keys.ShouldContain("Home");
        keys.ShouldContain("Green");
        keys.ShouldContain("Grey");
        keys.ShouldContain("The report printed {0}; the milestone and the result give {1}.");
        keys.ShouldContain("no score");
        keys.Count.ShouldBeGreaterThan(80);
    }

    [Fact]
    public void The_scan_reads_the_domains_messages_as_their_templates_and_skips_other_text()
    {
        var templates = LocalizerKeys.DomainTemplates().Select(u => u.Key).ToHashSet(StringComparer.Ordinal);

        templates.ShouldContain("{0} contains an invisible control character (U+{1:X4}); remove it and save again.");
        templates.ShouldContain("Year {0} is published: say why it is being corrected (the indicator page shows the reason).");
        templates.ShouldContain("Framework {0} exists already.", "a message the web project gives a DomainException");
        templates.ShouldContain("Milestone {0}");
        templates.ShouldNotContain("{0}-{1}", "text without a word needs no translation");
        templates.Where(t => t.Contains("A-Za-z", StringComparison.Ordinal) || t.StartsWith("The check is of", StringComparison.Ordinal)).ShouldBeEmpty();
    }
}
