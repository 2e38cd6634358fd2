using System.Net;
using UnvReporting.Domain.Staff;
using UnvReporting.Testing;
using UnvReporting.Web.Features.Account;
using UnvReporting.Web.Features.Staff.Years.Import;
using UnvReporting.Web.Platform.Data;
using UnvReporting.Web.Platform.Security;
using UnvReporting.Web.Tests.Support;

namespace UnvReporting.Web.Tests.Platform.Security;

public class SignInRateLimitsTests
{
    private const string WrongPassword = "not the password at all";

    [Theory, BothProviders]
    public async Task With_the_default_limit_five_failures_lock_the_account_and_the_eleventh_attempt_is_refused_with_429(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, Limit(SignInRateLimits.DefaultPerMinute));
        await app.CreateUserAsync(StaffRole.Editor);
        using var client = app.Visitor();
        var email = StaffAccounts.EmailFor(StaffRole.Editor);

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            (await client.SignInAsync(email, WrongPassword)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        // The sixth, with the right password: refused by the lockout, not by the rate limit.
        var locked = await client.SignInAsync(email, StaffAccounts.Password);
        locked.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await locked.Content.ReadAsStringAsync()).ShouldContain(SignInModel.Failure[..40]);
        for (var attempt = 7; attempt <= SignInRateLimits.DefaultPerMinute; attempt++)
        {
            (await client.SignInAsync(email, WrongPassword)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var refused = await client.SignInAsync(email, WrongPassword);

        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture).ShouldBeInRange(1, 60);
        var page = await Html.ParseAsync(refused);
        page.QuerySelector("h1")!.Text().ShouldBe("Too many attempts");
    }

    [Theory, BothProviders]
    public async Task The_token_endpoint_answers_429_with_problem_details_past_the_limit(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, Limit(3));
        await app.CreateUserAsync(StaffRole.Editor);

        for (var attempt = 1; attempt <= 3; attempt++)
        {
            (await app.RequestTokenAsync(StaffAccounts.EmailFor(StaffRole.Editor), WrongPassword)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        var refused = await app.RequestTokenAsync(StaffAccounts.EmailFor(StaffRole.Editor), StaffAccounts.Password);

        var problem = await refused.ShouldBeProblemAsync(429);
        problem.GetProperty("detail").GetString()!.ShouldContain("Try again in");
        refused.Headers.RetryAfter.ShouldNotBeNull();
    }

    [Theory, BothProviders]
    public async Task The_page_and_the_token_endpoint_share_one_budget_and_nothing_else_is_limited(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, Limit(2));
        await app.CreateUserAsync(StaffRole.Editor);
        using var client = app.Visitor();
        (await client.SignInAsync(StaffAccounts.EmailFor(StaffRole.Editor), WrongPassword)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await app.RequestTokenAsync(StaffAccounts.EmailFor(StaffRole.Editor), WrongPassword)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        (await app.RequestTokenAsync(StaffAccounts.EmailFor(StaffRole.Editor), WrongPassword)).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        foreach (var address in new[] { "/account/sign-in", "/", "/indicators/2021", "/api/v1/years", "/health/live" })
        {
            for (var i = 0; i < 4; i++)
            {
                using var response = await client.GetAsync(address);
                response.StatusCode.ShouldBe(HttpStatusCode.OK, address);
            }
        }
    }

    private static Dictionary<string, string> Limit(int perMinute) =>
        new() { [SignInRateLimits.Setting] = perMinute.ToString(System.Globalization.CultureInfo.InvariantCulture) };
}
