using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UnvReporting.Domain.Staff;
using UnvReporting.Testing;
using UnvReporting.Web.Features.Staff;
using UnvReporting.Web.Platform.Data;
using UnvReporting.Web.Tests.Support;

namespace UnvReporting.Web.Tests.Features.Staff;

/// <summary><c>POST /api/v1/auth/token</c>: a staff account's e-mail and password for an hour's bearer token, under the sign-in page's lockout.</summary>
public class AuthTokenTests
{
    [Theory, BothProviders]
    public async Task A_staff_account_gets_a_bearer_token_for_an_hour_and_nothing_else(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await app.CreateUserAsync(StaffRole.Editor);

        var response = await app.RequestTokenAsync(StaffAccounts.EmailFor(StaffRole.Editor), StaffAccounts.Password);

        var token = await response.JsonAsync(200);
        token.PropertyNames().ShouldBe(["accessToken", "expiresIn"]);
        token.GetProperty("accessToken").GetString().ShouldNotBeNullOrWhiteSpace();
        token.GetProperty("expiresIn").GetInt32().ShouldBe(3600);
        response.Headers.CacheControl?.NoStore.ShouldBeTrue();
    }

    [Theory, BothProviders]
    public async Task A_wrong_password_and_an_unknown_account_are_refused_in_the_same_words(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await app.CreateUserAsync(StaffRole.Editor);

        var wrongPassword = await (await app.RequestTokenAsync(StaffAccounts.EmailFor(StaffRole.Editor), "not the password at all")).ShouldBeProblemAsync(401);
        var unknown = await (await app.RequestTokenAsync("nobody@unv.test", StaffAccounts.Password)).ShouldBeProblemAsync(401);

        wrongPassword.GetProperty("detail").GetString().ShouldBe(StaffApi.SignInFailure);
        (unknown.GetProperty("title").GetString(), unknown.GetProperty("detail").GetString())
            .ShouldBe((wrongPassword.GetProperty("title").GetString(), wrongPassword.GetProperty("detail").GetString()));
    }

    [Theory, BothProviders]
    public async Task Five_wrong_passwords_lock_the_account_so_that_the_right_one_is_refused_too(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await app.CreateUserAsync(StaffRole.Editor);
        var email = StaffAccounts.EmailFor(StaffRole.Editor);

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await (await app.RequestTokenAsync(email, $"wrong password number {attempt}")).ShouldBeProblemAsync(401);
        }

        var problem = await (await app.RequestTokenAsync(email, StaffAccounts.Password)).ShouldBeProblemAsync(401);

        problem.GetProperty("detail").GetString().ShouldBe(StaffApi.SignInFailure);
        // Locked for this client (the test server's, whose address is unknown), not everywhere (SignInLockoutTests).
        await using var scope = app.CreateDbScope();
        var lockout = await scope.Db.SignInFailures.SingleAsync();
        lockout.LockedUntil.ShouldNotBeNull();
        (await scope.Db.Users.SingleAsync(u => u.Id == lockout.UserId)).LockoutEnd.ShouldBeNull("Identity's lockout, for every client, is not used");
    }

    [Theory, BothProviders]
    public async Task A_disabled_account_gets_no_token(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var user = await app.CreateUserAsync(StaffRole.Admin);
        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            var stored = (await users.FindByIdAsync(user.Id))!;
            stored.IsDisabled = true;
            (await users.UpdateAsync(stored)).Succeeded.ShouldBeTrue();
        }

        var problem = await (await app.RequestTokenAsync(StaffAccounts.EmailFor(StaffRole.Admin), StaffAccounts.Password)).ShouldBeProblemAsync(401);

        problem.GetProperty("detail").GetString().ShouldBe(StaffApi.SignInFailure);
    }

    [Theory, BothProviders]
    public async Task A_malformed_token_request_is_a_bad_request_naming_the_field(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);

        var noPassword = await (await app.Client.PostAsJsonAsync("/api/v1/auth/token", new { email = "editor@unv.test" })).ShouldBeProblemAsync(400);
        var numberEmail = await (await app.Client.PostAsJsonAsync("/api/v1/auth/token", new { email = 42, password = StaffAccounts.Password })).ShouldBeProblemAsync(400);
        var longPassword = await (await app.RequestTokenAsync("editor@unv.test", new string('x', 129))).ShouldBeProblemAsync(400);
        var extraField = await (await app.Client.PostAsJsonAsync("/api/v1/auth/token", new { email = "editor@unv.test", password = StaffAccounts.Password, remember = true })).ShouldBeProblemAsync(400);
        var notJson = await (await app.Client.PostAsync("/api/v1/auth/token", new StringContent("{email:", Encoding.UTF8, "application/json"))).ShouldBeProblemAsync(400);

        noPassword.GetProperty("errors").PropertyNames().ShouldBe(["password"]);
        numberEmail.GetProperty("errors").PropertyNames().ShouldBe(["email"]);
        longPassword.GetProperty("errors").GetProperty("password")[0].GetString().ShouldBe("Passwords are at most 128 characters.");
        extraField.GetProperty("errors").PropertyNames().ShouldBe(["remember"]);
        notJson.GetProperty("detail").GetString().ShouldBe("The body is not valid JSON.");
    }
}
