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
    public void Text_is_required_in_both_languages() =>
        Should.Throw<DomainException>(() => new FrameworkAmbition(2, 1, "Deploy more.", "", null, TestData.Source));

    [Fact]
    public void A_negative_target_is_refused() =>
        Should.Throw<DomainException>(() => new FrameworkAmbition(2, 1, "Deploy fewer.", "减少。", -5, TestData.Source));
}
