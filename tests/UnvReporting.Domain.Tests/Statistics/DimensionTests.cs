using UnvReporting.Domain.Statistics;

namespace UnvReporting.Domain.Tests.Statistics;

public class DimensionTests
{
    private static Dimension Entity() => new("entity", "UN entity", "联合国实体");

    [Fact]
    public void Keeps_its_key_and_names_in_both_languages()
    {
        var region = new Dimension("age_band", " Age group ", "年龄组");

        (region.Key, region.NameEn, region.NameZh).ShouldBe(("age_band", "Age group", "年龄组"));
        region.Members.ShouldBeEmpty();
    }

    [Fact]
    public void Its_key_is_snake_case_like_a_metric_key() =>
        Refusal.Of("Key", () => new Dimension("Age band", "Age group", "年龄组"))
            .Message.ShouldStartWith("Dimension key 'Age band' must be lower-case words joined by underscores");

    [Theory]
    [InlineData("Dimension key", "Key")]
    [InlineData("English name", "NameEn")]
    [InlineData("Chinese name", "NameZh")]
    public void Its_key_and_names_are_required_and_named_when_missing(string field, string key) =>
        Refusal.Of(key, () => new Dimension(
                field == "Dimension key" ? "" : "entity",
                field == "English name" ? "" : "UN entity",
                field == "Chinese name" ? "" : "联合国实体"))
            .Message.ShouldContain(field);

    [Fact]
    public void Members_belong_to_their_dimension()
    {
        var region = new Dimension("region", "Region", "区域");

        var africa = region.AddMember("Africa", "Africa", "非洲");

        africa.DimensionKey.ShouldBe("region");
        region.Members.ShouldHaveSingleItem().ShouldBeSameAs(africa);
    }

    [Fact]
    public void Members_are_keyed_by_a_short_english_label_with_names_in_both_languages()
    {
        var women = new Dimension("entity", "UN entity", "联合国实体").AddMember(" UN-Women ", "UN Women", "妇女署");

        (women.Key, women.NameEn, women.NameZh).ShouldBe(("UN-Women", "UN Women", "妇女署"));
    }

    [Fact]
    public void A_member_cannot_be_added_twice()
    {
        var entity = Entity();
        entity.AddMember("UNDP", "UNDP", "开发署");

        Refusal.Of("Key", () => entity.AddMember("undp", "UNDP", "开发署"))
            .Message.ShouldBe("Dimension entity already has a member 'undp'.");
        entity.Members.Count.ShouldBe(1);
    }

    [Theory]
    [InlineData("Member key", "Key")]
    [InlineData("English name", "NameEn")]
    [InlineData("Chinese name", "NameZh")]
    public void A_members_key_and_names_are_required_and_named_when_missing(string field, string key)
    {
        var entity = Entity();

        Refusal.Of(key, () => entity.AddMember(
                field == "Member key" ? " " : "UNDP",
                field == "English name" ? " " : "UNDP",
                field == "Chinese name" ? " " : "开发署"))
            .Message.ShouldContain(field);
        entity.Members.ShouldBeEmpty();
    }

    [Fact]
    public void A_member_key_longer_than_its_column_is_refused() =>
        Refusal.Of("Key", () => Entity().AddMember(new string('U', DimensionMember.MaxKeyLength + 1), "UNDP", "开发署"))
            .Message.ShouldContain($"Member key must be at most {DimensionMember.MaxKeyLength} characters");
}
