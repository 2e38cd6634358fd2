using UnvReporting.Domain.Statistics;

namespace UnvReporting.Domain.Tests.Statistics;

public class MetricTests
{
    private static Metric MetricWithout(string field) => new(
        field == "Metric key" ? " " : "deployments",
        Unit.Count,
        field == "English name" ? " " : "Deployments",
        field == "Chinese name" ? " " : "派遣人数",
        field == "English description" ? " " : "UN Volunteers serving with a host.");

    [Fact]
    public void Keeps_its_key_unit_and_names_in_both_languages()
    {
        var metric = new Metric("financial_value_usd", Unit.Usd, " Financial value ", "财务价值", "Total financial value of UNV activities.");

        metric.Key.ShouldBe("financial_value_usd");
        metric.Unit.ShouldBe(Unit.Usd);
        metric.NameEn.ShouldBe("Financial value");
        metric.NameZh.ShouldBe("财务价值");
        metric.DescriptionEn.ShouldBe("Total financial value of UNV activities.");
    }

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
    public void Refuses_other_keys_saying_what_a_key_looks_like(string key) =>
        Refusal.Of("Key", () => new Metric(key, Unit.Count, "Name", "名称", "Description."))
            .Message.ShouldBe($"Metric key '{key}' must be lower-case words joined by underscores, like volunteers_deployed.");

    [Theory]
    [InlineData("Metric key", "Key")]
    [InlineData("English name", "NameEn")]
    [InlineData("Chinese name", "NameZh")]
    [InlineData("English description", "DescriptionEn")]
    public void Its_key_names_and_description_are_required_and_named_when_missing(string field, string key) =>
        Refusal.Of(key, () => MetricWithout(field)).Message.ShouldContain(field);
}
