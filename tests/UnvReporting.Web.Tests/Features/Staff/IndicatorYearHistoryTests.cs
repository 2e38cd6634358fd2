using UnvReporting.Domain.Staff;
using UnvReporting.Testing;
using UnvReporting.Web.Platform.Data;
using UnvReporting.Web.Tests.Support;

namespace UnvReporting.Web.Tests.Features.Staff;

/// <summary><c>GET /api/v1/years/{year}/indicators/{key}/history</c>: the audit trail of one indicator-year, for staff.</summary>
public class IndicatorYearHistoryTests
{
    private const string Path = "/api/v1/years/2021/indicators/1.1";

    [Theory, BothProviders]
    public async Task History_lists_each_change_newest_first_with_old_and_new_value_who_and_why(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var approver = await app.TokenForAsync(StaffRole.Approver);
        var viewer = await app.TokenForAsync(StaffRole.Viewer);
        var first = await (await app.PutJsonAsync(Path, $$"""{"result":61,"reason":"Paragraph 4 gives 61%.","version":"{{await app.VersionOfAsync(2021, "1.1", approver)}}"}""", approver)).JsonAsync(200);
        await (await app.PutJsonAsync(Path, $$"""{"result":62,"reason":"Second look.","version":"{{first.GetProperty("version").GetString()}}"}""", approver)).JsonAsync(200);

        var history = await app.GetJsonAsync(Path + "/history", viewer);

        var results = history.EnumerateArray().Where(e => e.GetProperty("field").GetString() == "result").ToList();
        results.Count.ShouldBe(2);
        results[0].PropertyNames().ShouldBe(["at", "user", "action", "field", "oldValue", "newValue", "reason"]);
        (results[0].GetProperty("oldValue").GetString(), results[0].GetProperty("newValue").GetString(), results[0].GetProperty("reason").GetString())
            .ShouldBe(("61", "62", "Second look."));
        (results[1].GetProperty("oldValue").GetString(), results[1].GetProperty("newValue").GetString(), results[1].GetProperty("reason").GetString())
            .ShouldBe(("63", "61", "Paragraph 4 gives 61%."));
        results.ShouldAllBe(e => e.GetProperty("user").GetString() == "approver@unv.test" && e.GetProperty("action").GetString() == "changed");
        results[0].GetProperty("at").GetDateTimeOffset().ShouldBeGreaterThanOrEqualTo(results[1].GetProperty("at").GetDateTimeOffset());
        history.EnumerateArray().Select(e => e.GetProperty("field").GetString()).ShouldContain("revisionReason");
    }

    [Theory, BothProviders]
    public async Task History_is_for_staff_only(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);

        var response = await app.GetAsync(Path + "/history", token: null);

        await response.ShouldBeProblemAsync(401);
    }

    [Theory, BothProviders]
    public async Task History_of_an_indicator_year_that_does_not_exist_is_not_found(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var token = await app.TokenForAsync(StaffRole.Viewer);

        var problem = await (await app.GetAsync("/api/v1/years/2021/indicators/9.9/history", token)).ShouldBeProblemAsync(404);

        problem.GetProperty("detail").GetString().ShouldBe("Indicator 9.9 is not part of year 2021.");
    }
}
