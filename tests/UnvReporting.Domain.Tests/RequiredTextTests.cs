using UnvReporting.Domain.Sources;

namespace UnvReporting.Domain.Tests;

/// <summary>
/// The rules every stored text follows (trimmed, required where it must be, no longer than its
/// column), seen through one of the texts that use them: a source's paragraph or table.
/// </summary>
public class RequiredTextTests
{
    private static readonly string Longest = new('p', SourceReference.MaxLocatorLength);

    [Fact]
    public void A_text_as_long_as_its_column_is_kept() =>
        new SourceReference("DP/2020/14", Longest).Locator.ShouldBe(Longest);

    [Fact]
    public void Surrounding_spaces_are_trimmed_before_the_length_is_counted() =>
        new SourceReference("DP/2020/14", "  " + Longest + "\t").Locator.ShouldBe(Longest);

    [Fact]
    public void A_longer_text_is_refused_with_the_field_the_limit_and_its_length() =>
        Refusal.Of("Locator", () => new SourceReference("DP/2020/14", Longest + "p"))
            .Message.ShouldBe("Source paragraph or table must be at most 80 characters (got 81).");

    [Theory]
    [InlineData("")]
    [InlineData(" \t ")]
    public void A_blank_text_is_missing(string locator) =>
        Refusal.Of("Locator", () => new SourceReference("DP/2020/14", locator))
            .Message.ShouldBe("Source paragraph or table is required.");
}
