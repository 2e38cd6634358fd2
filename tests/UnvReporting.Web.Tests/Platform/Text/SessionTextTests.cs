using UnvReporting.Web.Platform.Text;

namespace UnvReporting.Web.Tests.Platform.Text;

public class SessionTextTests
{
    [Theory]
    [InlineData("Executive Board, annual session 2022, 6 to 10 June 2022, New York", "执行局2022年年度会议，2022年6月6日至10日，纽约")]
    [InlineData("Executive Board, second regular session 2020, 31 August to 4 September 2020, New York", "执行局2020年第二届常会，2020年8月31日至9月4日，纽约")]
    [InlineData("Executive Board, first regular session 2023, 30 January to 2 February 2023, New York", "执行局2023年第一届常会，2023年1月30日至2月2日，纽约")]
    public void Chinese_names_the_session_dates_and_place(string session, string chinese)
    {
        using var _ = ChineseText.In("zh-Hans");

        SessionText.Translate(session, ChineseText.Localizer).ShouldBe(chinese);
    }

    [Fact]
    public void A_session_of_another_shape_has_no_translation_and_English_reads_as_stored()
    {
        const string odd = "Executive Board, special session 2022, 6 June 2022, Bonn";
        using (ChineseText.In("zh-Hans"))
        {
            SessionText.Translate(odd, ChineseText.Localizer).ShouldBeNull();
        }

        using (ChineseText.In("en"))
        {
            SessionText.Translate(odd, ChineseText.Localizer).ShouldBe(odd);
        }
    }
}
