using UnvReporting.Domain.Results;

namespace UnvReporting.Domain.Tests.Results;

public class IndicatorKeyTests
{
    [Theory]
    [InlineData("2.1.1.a", "2.1.1a")]
    [InlineData("2.1.1a", "2.1.1a")]
    [InlineData("2.1.2.B", "2.1.2b")]
    [InlineData(" 1.1 ", "1.1")]
    [InlineData("1.2.2", "1.2.2")]
    [InlineData("2.1.1 a", "2.1.1a")]
    [InlineData("3", "3")]
    public void Normalizes_the_codes_as_the_reports_write_them(string code, string key) =>
        IndicatorKey.Normalize(code).ShouldBe(key);

    [Fact]
    public void The_2019_and_2021_spellings_of_an_indicator_share_one_key() =>
        IndicatorKey.Normalize("2.1.1.a").ShouldBe(IndicatorKey.Normalize("2.1.1a"));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("a")]
    [InlineData("1.")]
    [InlineData("1..1")]
    [InlineData(".1")]
    [InlineData("1.1.ab")]
    [InlineData("1.1-2")]
    [InlineData("1.2.3.4.5.6")]
    [InlineData("1234.1")]
    [InlineData("<script>")]
    public void Refuses_what_is_not_an_indicator_code(string? code)
    {
        IndicatorKey.TryNormalize(code, out _).ShouldBeFalse();
        Refusal.Of("Key", () => IndicatorKey.Normalize(code)).Message.ShouldContain("is not of the form");
    }

    [Fact]
    public void The_longest_valid_code_fits_the_key_column() =>
        IndicatorKey.Normalize("999.999.999.999.999z").Length.ShouldBeLessThanOrEqualTo(IndicatorKey.MaxLength);
}
