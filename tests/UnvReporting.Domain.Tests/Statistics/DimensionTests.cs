using UnvReporting.Domain.Statistics;

namespace UnvReporting.Domain.Tests.Statistics;

public class DimensionTests
{
    [Fact]
    public void Members_belong_to_their_dimension()
    {
        var region = new Dimension("region", "Region", "区域");

        var africa = region.AddMember("Africa", "Africa", "非洲");

        africa.DimensionKey.ShouldBe("region");
        region.Members.ShouldHaveSingleItem().ShouldBeSameAs(africa);
    }

    [Fact]
    public void A_member_cannot_be_added_twice()
    {
        var entity = new Dimension("entity", "UN entity", "联合国实体");
        entity.AddMember("UNDP", "UNDP", "开发署");

        Should.Throw<DomainException>(() => entity.AddMember("undp", "UNDP", "开发署"))
            .Message.ShouldContain("already has a member");
    }
}
