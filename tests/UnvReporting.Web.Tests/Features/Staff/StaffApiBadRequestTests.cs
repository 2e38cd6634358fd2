using UnvReporting.Domain.Staff;
using UnvReporting.Testing;
using UnvReporting.Web.Platform.Data;
using UnvReporting.Web.Tests.Support;

namespace UnvReporting.Web.Tests.Features.Staff;

/// <summary>
/// What a refused staff API request says (issue 18, item 4): each 400 names what it is about.
/// </summary>
public class StaffApiBadRequestTests
{
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
}
