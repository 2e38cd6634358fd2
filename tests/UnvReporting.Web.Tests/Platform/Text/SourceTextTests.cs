using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using UnvReporting.Web.Platform.Text;

namespace UnvReporting.Web.Tests.Platform.Text;

public class SourceTextTests
{
    [Theory]
    [InlineData("DP/2022/24 para 14", "DP/2022/24 第14段")]
    [InlineData("DP/2022/24 para 58(b)", "DP/2022/24 第58(b)段")]
    [InlineData("DP/2022/24 output 2.1 table", "DP/2022/24 产出2.1表")]
    [InlineData("DP/2022/24 outcome 1 table", "DP/2022/24 成果1表")]
    [InlineData("DP/2022/24 footnote 6", "DP/2022/24 脚注6")]
    [InlineData("DP/2022/24 annex 2", "DP/2022/24 附件2")]
    [InlineData("UNV/dashboard staff entry", "UNV/dashboard 工作人员录入")]
    [InlineData("DP/2022/24 para 14; DP/2020/14 para 4", "DP/2022/24 第14段；DP/2020/14 第4段")]
    public void Chinese_translates_the_place_and_keeps_the_document_symbol(string source, string chinese)
    {
        using var _ = ChineseText.In("zh-Hans");

        SourceText.Plain(source, ChineseText.Localizer).ShouldBe(chinese);
    }

    [Fact]
    public void English_reads_as_stored()
    {
        using var _ = ChineseText.In("en");

        SourceText.Plain("DP/2022/24 output 2.1 table; DP/2020/14 para 4", ChineseText.Localizer).ShouldBe("DP/2022/24 output 2.1 table; DP/2020/14 para 4");
    }

    [Fact]
    public void A_place_of_another_shape_is_kept_and_marked_English()
    {
        using var _ = ChineseText.In("zh-Hans");

        SourceText.Locator("draft table", ChineseText.Localizer).ShouldBeNull();
        Html(SourceText.Html("DP/2021/1 draft table", ChineseText.Localizer)).ShouldBe("DP/2021/1 <span lang=\"en\">draft table</span>");
    }

    private static string Html(IHtmlContent content)
    {
        using var writer = new StringWriter();
        content.WriteTo(writer, HtmlEncoder.Default);
        return writer.ToString();
    }
}
