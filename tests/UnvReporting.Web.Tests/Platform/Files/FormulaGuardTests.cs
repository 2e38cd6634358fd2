using UnvReporting.Web.Platform.Files;

namespace UnvReporting.Web.Tests.Platform.Files;

public class FormulaGuardTests
{
    [Theory]
    [InlineData("=1+1")]
    [InlineData("+1")]
    [InlineData("-1")]
    [InlineData("@SUM(A1)")]
    [InlineData("\t=1+1")]
    [InlineData("\r=1+1")]
    public void Puts_an_apostrophe_before_text_a_spreadsheet_would_run_as_a_formula(string text)
    {
        FormulaGuard.Neutralise(text).ShouldBe("'" + text);
        FormulaGuard.Restore(FormulaGuard.Neutralise(text)).ShouldBe(text);
    }

    [Theory]
    [InlineData("Volunteers deployed")]
    [InlineData("志愿人员")]
    [InlineData("'quoted")]
    [InlineData("")]
    public void Leaves_other_text_as_it_is(string text) => FormulaGuard.Neutralise(text).ShouldBe(text);
}
