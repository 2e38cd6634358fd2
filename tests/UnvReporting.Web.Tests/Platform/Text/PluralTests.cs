using UnvReporting.Web.Platform.Text;

namespace UnvReporting.Web.Tests.Platform.Text;

public class PluralTests
{
    [Theory]
    [InlineData(1, "one")]
    [InlineData(-1, "one")]
    [InlineData(0, "other")]
    [InlineData(2, "other")]
    [InlineData(1.5, "other")]
    [InlineData(-2, "other")]
    public void English_takes_the_singular_for_one_and_minus_one_only(decimal count, string form) =>
        Plural.Of(count, "one", "other").ShouldBe(form);
}
