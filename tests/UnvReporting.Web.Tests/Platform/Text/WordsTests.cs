using UnvReporting.Web.Platform.Text;

namespace UnvReporting.Web.Tests.Platform.Text;

public class WordsTests
{
    [Theory]
    [InlineData("cumulative", "Cumulative")]
    [InlineData("higher is better", "Higher is better")]
    [InlineData("Already capital", "Already capital")]
    [InlineData("累计", "累计")]
    [InlineData("", "")]
    public void A_running_text_word_becomes_a_label_and_Chinese_stays_as_it_is(string text, string label) =>
        Words.Capitalized(text).ShouldBe(label);

    [Fact]
    public void The_label_of_a_running_text_key_reads_in_Chinese_from_the_same_key()
    {
        using var chinese = ChineseText.In("zh-Hans");

        Words.Capitalized(ChineseText.Localizer["lower is better"]).ShouldBe("越低越好");
    }
}
