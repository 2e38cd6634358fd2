using UnvReporting.Domain;
using UnvReporting.Web.Platform.Text;

namespace UnvReporting.Web.Tests.Platform.Text;

/// <summary>US dollars as each language groups large numbers: millions in English, 万 and 亿 in Chinese.</summary>
public class MoneyTests
{
    private static readonly DisplayFormat Format = new(ChineseText.Localizer);

    [Theory]
    [InlineData(270_000_000, "2.7亿美元")]
    [InlineData(221_349_000, "2.213亿美元")]
    [InlineData(45_300_000, "4,530万美元")]
    [InlineData(1_234_567, "120万美元")]
    [InlineData(123_456, "12.3456万美元")]
    [InlineData(9_500, "9,500美元")]
    public void Chinese_counts_in_wan_and_yi(decimal value, string chinese)
    {
        using var _ = ChineseText.In("zh-Hans");

        Format.Value(value, Unit.Usd).ShouldBe(chinese);
    }

    [Theory]
    [InlineData(270_000_000, "USD 270 million")]
    [InlineData(221_349_000, "USD 221.3 million")]
    [InlineData(123_456, "USD 123,456")]
    public void English_counts_in_millions(decimal value, string english)
    {
        using var _ = ChineseText.In("en");

        Format.Value(value, Unit.Usd).ShouldBe(english);
    }
}
