using UnvReporting.Domain.Results;

namespace UnvReporting.Domain.Tests;

public class PlainTextTests
{
    [Theory]
    [InlineData("a\u0000b", '\u0000')]
    [InlineData("a\u0007b", '\u0007')]
    [InlineData("abc\u202Efdp.exe", '\u202E')]
    [InlineData("a\u2066b", '\u2066')]
    [InlineData("a\u0085b", '\u0085')]
    public void Control_bidi_override_and_lone_surrogate_characters_are_found(string text, char expected) =>
        PlainText.FirstInvisible(text).ShouldBe(expected);

    [Fact]
    public void Half_of_a_surrogate_pair_is_found() =>
        // Built at run time: test data in an attribute cannot carry a lone surrogate.
        PlainText.FirstInvisible("a" + (char)0xD800 + "b").ShouldBe((char)0xD800);

    [Theory]
    [InlineData("Line one\r\nline two\tand a tab")]
    [InlineData("<script>alert(1)</script> '; DROP TABLE x; --")]
    [InlineData("志愿人员 😀")]
    public void Line_breaks_tabs_markup_and_astral_characters_are_plain_text(string text) =>
        PlainText.FirstInvisible(text).ShouldBeNull();

    [Fact]
    public void A_narrative_with_a_control_character_is_refused_by_name() =>
        Should.Throw<DomainException>(() => new ResultArea(1, "1", ResultAreaKind.Outcome, null, "Outcome\u0007", "成果", 0))
            .Message.ShouldBe("English title contains an invisible control character (U+0007); remove it and save again.");
}
