using UnvReporting.Domain.Frameworks;

namespace UnvReporting.Domain.Tests.Frameworks;

public class FrameworkAmbitionTests
{
    [Fact]
    public void Keeps_the_target_where_the_report_gives_one()
    {
        var ambition = new FrameworkAmbition(2, 1, "Deploy 50% more UN Volunteers.", "联合国志愿人员派遣人数增加 50%。", 50, new("DP/2022/24", "para 58(a)"));

        ambition.TargetPercent.ShouldBe(50m);
        ambition.Source.ToString().ShouldBe("DP/2022/24 para 58(a)");
    }

    [Fact]
    public void An_ambition_without_a_number_has_no_target()
    {
        var ambition = new FrameworkAmbition(2, 3, " Integrate volunteering into national plans. ", "将志愿服务纳入国家计划。", null, TestData.Source);

        ambition.TargetPercent.ShouldBeNull();
        (ambition.FrameworkId, ambition.SortOrder).ShouldBe((2, 3));
        ambition.TextEn.ShouldBe("Integrate volunteering into national plans.");
        ambition.TextZh.ShouldBe("将志愿服务纳入国家计划。");
    }

    [Theory]
    [InlineData("English text", "TextEn")]
    [InlineData("Chinese text", "TextZh")]
    public void Text_is_required_in_both_languages_and_named_when_missing(string field, string key) =>
        Refusal.Of(key, () => new FrameworkAmbition(2, 1,
                field == "English text" ? "" : "Deploy more.",
                field == "Chinese text" ? "" : "增加派遣。",
                null, TestData.Source))
            .Message.ShouldContain(field);

    [Theory]
    [InlineData(0)]
    [InlineData(1000)]
    public void A_target_from_0_to_1000_percent_is_kept(int target) =>
        new FrameworkAmbition(2, 1, "Deploy more.", "增加派遣。", target, TestData.Source).TargetPercent.ShouldBe(target);

    [Theory]
    [InlineData(-5)]
    [InlineData(1001)]
    public void A_target_outside_0_to_1000_percent_is_refused(int target) =>
        Refusal.Of("TargetPercent", () => new FrameworkAmbition(2, 1, "Deploy more.", "增加派遣。", target, TestData.Source))
            .Message.ShouldBe($"An ambition's target must be between 0% and 1000% (got {target}%).");
}
