using UnvReporting.Domain.Results;

namespace UnvReporting.Domain.Tests.Results;

public class ResultAreaTests
{
    [Fact]
    public void An_output_sits_under_an_outcome()
    {
        var outcome = TestData.Outcome("1");
        var output = new ResultArea(1, "1.1", ResultAreaKind.Output, outcome, "Output 1.1", "产出 1.1", 1);

        output.Parent.ShouldBeSameAs(outcome);
    }

    [Fact]
    public void An_output_without_an_outcome_is_refused() =>
        Refusal.Of("Parent", () => new ResultArea(1, "1.1", ResultAreaKind.Output, null, "Output", "产出", 0))
            .Message.ShouldContain("must sit under an outcome");

    [Fact]
    public void An_output_cannot_sit_under_another_output() =>
        Refusal.Of("Parent", () => new ResultArea(1, "2.1.9", ResultAreaKind.Output, TestData.Output(), "Output", "产出", 0));

    [Theory]
    [InlineData(ResultAreaKind.Outcome)]
    [InlineData(ResultAreaKind.InstitutionalEffectiveness)]
    public void Outcomes_and_institutional_effectiveness_sit_at_the_top(ResultAreaKind kind) =>
        Refusal.Of("Parent", () => new ResultArea(1, "X", kind, TestData.Outcome(), "Area", "领域", 0))
            .Message.ShouldBe($"Only outputs sit under another result area (X is {kind}).");

    [Fact]
    public void Keeps_its_place_in_the_framework()
    {
        var ie = new ResultArea(1, "IE", ResultAreaKind.InstitutionalEffectiveness, null, "Institutional effectiveness", "组织效能", 3);

        (ie.FrameworkId, ie.Code, ie.Kind, ie.SortOrder).ShouldBe((1, "IE", ResultAreaKind.InstitutionalEffectiveness, 3));
        ie.Parent.ShouldBeNull();
        (ie.TitleEn, ie.TitleZh).ShouldBe(("Institutional effectiveness", "组织效能"));
    }

    [Fact]
    public void A_code_is_required_and_named_when_missing() =>
        Refusal.Of("Code", () => new ResultArea(1, " ", ResultAreaKind.Outcome, null, "Outcome", "成果", 0))
            .Message.ShouldContain("Result area code");

    [Fact]
    public void Titles_are_required_in_both_languages() =>
        Refusal.Of("TitleZh", () => new ResultArea(1, "1", ResultAreaKind.Outcome, null, "Outcome 1", " ", 0))
            .Message.ShouldBe("Chinese title is required.");

    [Fact]
    public void Renaming_changes_both_titles_and_keeps_the_code()
    {
        var outcome = TestData.Outcome("1");

        outcome.Rename(" Outcome one ", "成果一");

        outcome.TitleEn.ShouldBe("Outcome one");
        outcome.TitleZh.ShouldBe("成果一");
        outcome.Code.ShouldBe("1");
    }

    [Theory]
    [InlineData("", "新标题", "English title", "TitleEn")]
    [InlineData("New title", "", "Chinese title", "TitleZh")]
    public void Renaming_with_an_empty_title_names_it_and_changes_nothing(string titleEn, string titleZh, string field, string key)
    {
        var outcome = TestData.Outcome("1");

        Refusal.Of(key, () => outcome.Rename(titleEn, titleZh)).Message.ShouldBe($"{field} is required.");

        outcome.TitleEn.ShouldBe("Outcome");
        outcome.TitleZh.ShouldBe("成果");
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("1,5")]
    [InlineData("1 OR 1=1")]
    [InlineData("<b>")]
    [InlineData("1..2")]
    public void A_code_other_than_letters_and_digits_separated_by_dots_is_refused(string code) =>
        Refusal.Of("Code", () => new ResultArea(1, code, ResultAreaKind.Outcome, null, "Outcome", "成果", 0))
            .Message.ShouldContain("letters and digits");

    [Theory]
    [InlineData("IE")]
    [InlineData("2.1")]
    public void Codes_of_the_reports_are_accepted(string code) =>
        new ResultArea(1, code, ResultAreaKind.Outcome, null, "Outcome", "成果", 0).Code.ShouldBe(code);
}
