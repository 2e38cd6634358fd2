using UnvReporting.Domain.Statistics;

namespace UnvReporting.Domain.Tests.Statistics;

public class MetricTests
{
    [Theory]
    [InlineData("volunteers_deployed")]
    [InlineData("financial_value_usd")]
    [InlineData("deployments")]
    [InlineData("age_share")]
    public void Accepts_snake_case_keys(string key) =>
        new Metric(key, Unit.Count, "Name", "名称", "Description.").Key.ShouldBe(key);

    [Theory]
    [InlineData("VolunteersDeployed")]
    [InlineData("volunteers-deployed")]
    [InlineData("volunteers deployed")]
    [InlineData("_volunteers")]
    [InlineData("volunteers_")]
    [InlineData("1st_metric")]
    [InlineData("")]
    public void Refuses_other_keys(string key) =>
        Should.Throw<DomainException>(() => new Metric(key, Unit.Count, "Name", "名称", "Description."));
}
