using UnvReporting.Domain.Staff;

namespace UnvReporting.Domain.Tests.Staff;

public class StaffRoleTests
{
    [Theory]
    [InlineData(StaffRole.Viewer, false, false, false)]
    [InlineData(StaffRole.Editor, true, false, false)]
    [InlineData(StaffRole.Approver, true, true, false)]
    [InlineData(StaffRole.Admin, true, true, true)]
    public void Each_role_can_do_what_the_roles_below_it_can(StaffRole role, bool enter, bool review, bool administer)
    {
        role.CanEnterData().ShouldBe(enter);
        role.CanReview().ShouldBe(review);
        role.CanAdminister().ShouldBe(administer);
    }

    [Theory]
    [InlineData("Editor", StaffRole.Editor)]
    [InlineData("editor", null)]
    [InlineData("1", null)]
    [InlineData(null, null)]
    public void Parses_stored_role_names_exactly(string? name, StaffRole? expected) =>
        StaffRoles.Parse(name).ShouldBe(expected);
}
