using UnvReporting.Domain.Results;

namespace UnvReporting.Domain.Tests;

public class PlainTextTests
{
    [Theory]
    [InlineData("a\u0000b", '\u0000')]
    [InlineData("a\u0007b", '\u0007')]
    [InlineData("abc\u202Efdp.exe", '\u202E')]
    [InlineData("a\u202Ab", '\u202A')]
    [InlineData("a\u2066b", '\u2066')]
    [InlineData("a\u2069b", '\u2069')]
    [InlineData("a\u0085b", '\u0085')]
    public void Control_bidi_override_and_lone_surrogate_characters_are_found(string text, char expected) =>
        PlainText.FirstInvisible(text).ShouldBe(expected);

    // Surrogate test texts are built at run time: test data in an attribute cannot carry a lone surrogate.
    [Fact]
    public void Half_of_a_surrogate_pair_is_found() =>
        PlainText.FirstInvisible("a" + (char)0xD800 + "b").ShouldBe((char)0xD800);

    [Fact]
    public void A_high_surrogate_that_ends_the_text_is_found() =>
        PlainText.FirstInvisible("abc" + (char)0xD83D).ShouldBe((char)0xD83D);

    [Fact]
    public void A_low_surrogate_without_its_high_half_is_found() =>
        PlainText.FirstInvisible("a" + (char)0xDE00 + "b").ShouldBe((char)0xDE00);

    [Fact]
    public void A_pair_in_the_wrong_order_is_found() =>
        PlainText.FirstInvisible("a" + (char)0xDE00 + (char)0xD83D).ShouldBe((char)0xDE00);

    [Fact]
    public void A_character_outside_the_basic_plane_is_plain_text_anywhere_in_the_text()
    {
        const string smile = "\U0001F600";

        PlainText.FirstInvisible(smile).ShouldBeNull();
        PlainText.FirstInvisible(smile + "志愿" + smile).ShouldBeNull();
    }

    [Theory]
    [InlineData("Line one\r\nline two\tand a tab")]
    [InlineData("<script>alert(1)</script> '; DROP TABLE x; --")]
    [InlineData("志愿人员 😀")]
    public void Line_breaks_tabs_markup_and_astral_characters_are_plain_text(string text) =>
        PlainText.FirstInvisible(text).ShouldBeNull();

    [Fact]
    public void A_narrative_with_a_control_character_is_refused_by_name() =>
        Refusal.Of("TitleEn", () => new ResultArea(1, "1", ResultAreaKind.Outcome, null, "Outcome\u0007", "成果", 0))
            .Message.ShouldBe("English title contains an invisible control character (U+0007); remove it and save again.");
}
