using Microsoft.EntityFrameworkCore;
using UnvReporting.Domain.Staff;
using UnvReporting.Testing;
using UnvReporting.Web.Platform.Data;
using UnvReporting.Web.Tests.Support;

namespace UnvReporting.Web.Tests.Features.Staff;

/// <summary>
/// What a refused staff API request says (issue 18, items 4 and 5): each 400 names what it is
/// about, and a figure the database could not hold exactly is refused rather than rounded.
/// </summary>
public class StaffApiBadRequestTests
{
    private const string DraftPath = "/api/v1/years/2020/indicators/1.1";

    /// <summary>The text every 400 without a detail once got, whatever it was about.</summary>
    private const string YearText = "a year is a whole number";

    [Theory, BothProviders]
    public async Task A_refused_field_is_named_in_the_detail_not_the_years_text(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var admin = await app.TokenForAsync(StaffRole.Admin);
        var version = await app.VersionOfAsync(2021, "1.2.2", admin);

        var negative = await (await app.PutJsonAsync("/api/v1/years/2021/indicators/1.2.2", $$"""{"result":-5,"reason":"Typo","version":"{{version}}"}""", admin)).ShouldBeProblemAsync(400);
        var email = await (await app.RequestTokenAsync("not-an-address", StaffAccounts.Password)).ShouldBeProblemAsync(400);

        negative.GetProperty("detail").GetString().ShouldBe("Result cannot be negative (got -5).");
        email.GetProperty("detail").GetString().ShouldBe("Send the account's e-mail address as a string, such as \"name@unv.org\".");
    }

    [Theory, BothProviders]
    public async Task A_year_that_is_not_a_number_still_says_so(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var admin = await app.TokenForAsync(StaffRole.Admin);

        var put = await (await app.PutJsonAsync("/api/v1/years/abc/indicators/1.1", """{"result":5,"version":"1"}""", admin)).ShouldBeProblemAsync(400);

        put.GetProperty("detail").GetString()!.ShouldContain(YearText);
    }

    [Theory, BothProviders]
    public async Task A_figure_too_small_or_too_fine_to_hold_is_refused_not_stored_as_zero(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await DraftYear.AddAsync(app);
        var editor = await app.TokenForAsync(StaffRole.Editor);
        var version = await app.VersionOfAsync(2020, "1.1", editor);
        string before;
        await using (var scope = app.CreateDbScope())
        {
            before = await DatabaseSnapshot.TakeAsync(scope.Db);
        }

        foreach (var number in new[] { "1e-400", "0." + new string('0', 30) + "1", "4e-5" })
        {
            var problem = await (await app.PutJsonAsync(DraftPath, $$"""{"result":{{number}},"version":"{{version}}"}""", editor)).ShouldBeProblemAsync(400);

            var message = $"result can have at most 4 decimal places (got {number}).";
            problem.GetProperty("errors").GetProperty("result")[0].GetString().ShouldBe(message);
            problem.GetProperty("detail").GetString().ShouldBe(message);
        }

        await using (var scope = app.CreateDbScope())
        {
            (await DatabaseSnapshot.TakeAsync(scope.Db)).ShouldBe(before);
        }

        // Exponents are JSON numbers like any other, read exactly.
        (await (await app.PutJsonAsync(DraftPath, $$"""{"result":4.25e1,"version":"{{version}}"}""", editor)).JsonAsync(200)).Raw("result").ShouldBe("42.5");
        await using (var scope = app.CreateDbScope())
        {
            (await scope.Db.IndicatorYears.AsNoTracking().SingleAsync(iy => iy.Year == DraftYear.Year && iy.Indicator.Key == DraftYear.IndicatorKey)).Result.ShouldBe(42.5m);
        }
    }
}
