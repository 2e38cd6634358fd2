using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using UnvReporting.Domain.Staff;
using UnvReporting.Testing;
using UnvReporting.Web.Platform.Data;
using UnvReporting.Web.Tests.Support;

namespace UnvReporting.Web.Tests.Features.Staff;

/// <summary>The read API with a staff token: unpublished years too, and the version an edit sends back. Without one, the public answers.</summary>
public class StaffReadTests
{
    [Theory, BothProviders]
    public async Task With_a_staff_token_an_indicator_year_of_a_draft_year_is_served_with_its_status_and_version(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await DraftYear.AddAsync(app);
        var token = await app.TokenForAsync(StaffRole.Viewer);

        var response = await app.GetAsync("/api/v1/years/2020/indicators/1.1", token);
        var anonymous = await app.GetAsync("/api/v1/years/2020/indicators/1.1", token: null);

        var item = await response.JsonAsync(200);
        item.GetProperty("title").GetString().ShouldBe(DraftYear.Title);
        item.PropertyNames().TakeLast(4).ShouldBe(["status", "version", "revisedOn", "revisionReason"]);
        item.GetProperty("status").GetString().ShouldBe("draft");
        item.GetProperty("version").GetString().ShouldNotBeNullOrWhiteSpace();
        response.Headers.CacheControl?.NoStore.ShouldBeTrue();
        await anonymous.ShouldBeProblemAsync(404);
    }

    [Theory, BothProviders]
    public async Task A_published_indicator_year_read_without_a_token_has_no_version(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var token = await app.TokenForAsync(StaffRole.Viewer);

        var anonymous = await app.GetJsonAsync("/api/v1/years/2021/indicators/1.1", token: null);
        var staff = await app.GetJsonAsync("/api/v1/years/2021/indicators/1.1", token);

        anonymous.PropertyNames().ShouldNotContain("version");
        anonymous.PropertyNames().ShouldNotContain("status");
        staff.GetProperty("status").GetString().ShouldBe("published");
        staff.PropertyNames().Take(anonymous.PropertyNames().Count).ShouldBe(anonymous.PropertyNames());
    }

    [Theory, BothProviders]
    public async Task With_a_staff_token_the_year_list_summary_and_table_include_the_draft_year(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await DraftYear.AddAsync(app);
        var token = await app.TokenForAsync(StaffRole.Viewer);

        var years = await app.GetJsonAsync("/api/v1/years", token);
        var summary = await app.GetJsonAsync("/api/v1/years/2020/summary", token);
        var table = await app.GetJsonAsync("/api/v1/years/2020/indicators", token);
        var history = await app.GetJsonAsync("/api/v1/indicators/1.1", token);

        years.EnumerateArray().Select(y => (y.GetProperty("year").GetInt32(), y.GetProperty("status").GetString())).ShouldBe(
            [(2019, "published"), (2020, "draft"), (2021, "published")]);
        summary.GetProperty("total").GetInt32().ShouldBe(1);
        table.EnumerateArray().Select(i => i.GetProperty("key").GetString()).ShouldBe(["1.1"]);
        history.GetProperty("years").EnumerateArray().Select(y => y.GetProperty("year").GetInt32()).ShouldBe([2019, 2020, 2021]);
    }

    [Theory, BothProviders]
    public async Task A_disabled_accounts_token_stops_working_at_once(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await DraftYear.AddAsync(app);
        var token = await app.TokenForAsync(StaffRole.Editor);
        var version = await app.VersionOfAsync(2020, "1.1", token);
        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            var user = (await users.FindByEmailAsync(StaffAccounts.EmailFor(StaffRole.Editor)))!;
            user.IsDisabled = true;
            (await users.UpdateAsync(user)).Succeeded.ShouldBeTrue();
            await users.UpdateSecurityStampAsync(user);
        }

        var edit = await app.PutJsonAsync("/api/v1/years/2020/indicators/1.1", $$"""{"result":45,"version":"{{version}}"}""", token);
        var read = await app.GetAsync("/api/v1/years/2020/indicators/1.1", token);

        ((int)edit.StatusCode).ShouldBeOneOf(401, 403);
        await read.ShouldBeProblemAsync(404);
    }
}
