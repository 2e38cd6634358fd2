using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UnvReporting.Domain.Staff;
using UnvReporting.Testing;
using UnvReporting.Web.Features.Account;
using UnvReporting.Web.Platform.Data;
using UnvReporting.Web.Tests.Support;

namespace UnvReporting.Web.Tests.Features.Account;

public class SignInTests
{
    [Theory, BothProviders]
    public async Task A_staff_member_signs_in_and_lands_in_the_staff_area(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await app.CreateUserAsync(StaffRole.Editor);
        using var client = app.Visitor();

        var response = await client.SignInAsync(StaffAccounts.EmailFor(StaffRole.Editor), StaffAccounts.Password);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Location().ShouldBe(app.Url.Staff);
        var home = await client.GetDocumentAsync("/");
        home.QuerySelector("form[action='/account/sign-out']").ShouldNotBeNull();
    }

    [Theory, BothProviders]
    public async Task A_wrong_password_gets_the_generic_message_and_five_lock_the_account(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await app.CreateUserAsync(StaffRole.Editor);
        using var client = app.Visitor();

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var failed = await client.SignInAsync(StaffAccounts.EmailFor(StaffRole.Editor), "not the password at all");
            failed.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await failed.Content.ReadAsStringAsync()).ShouldContain("The e-mail address or password is not right");
        }

        var locked = await client.SignInAsync(StaffAccounts.EmailFor(StaffRole.Editor), StaffAccounts.Password);

        locked.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await locked.Content.ReadAsStringAsync()).ShouldContain(WebUtility.HtmlEncode(SignInModel.Failure));
        // Locked for this client (the test server's, whose address is unknown), not everywhere (SignInLockoutTests).
        await using var scope = app.CreateDbScope();
        var lockout = await scope.Db.SignInFailures.SingleAsync();
        lockout.LockedUntil.ShouldNotBeNull();
        (await scope.Db.Users.SingleAsync(u => u.Id == lockout.UserId)).LockoutEnd.ShouldBeNull("Identity's lockout, for every client, is not used");
    }

    [Theory, BothProviders]
    public async Task An_unknown_account_gets_the_same_message(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var client = app.Visitor();

        var response = await client.SignInAsync("nobody@unv.test", StaffAccounts.Password);

        (await response.Content.ReadAsStringAsync()).ShouldContain(WebUtility.HtmlEncode(SignInModel.Failure));
    }

    [Theory, BothProviders]
    public async Task A_disabled_account_cannot_sign_in(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var user = await app.CreateUserAsync(StaffRole.Admin);
        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            var stored = (await users.FindByIdAsync(user.Id))!;
            stored.IsDisabled = true;
            await users.UpdateAsync(stored);
        }

        using var client = app.Visitor();
        var response = await client.SignInAsync(StaffAccounts.EmailFor(StaffRole.Admin), StaffAccounts.Password);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain(WebUtility.HtmlEncode(SignInModel.Failure));
    }

    [Theory, BothProviders]
    public async Task Signing_out_ends_the_session(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var client = await app.SignedInAsync(StaffRole.Viewer);

        var signOut = await client.PostFormAsync(app.Url.SignOut, new Dictionary<string, string>(), pagePath: "/");

        signOut.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await client.GetAsync(app.Url.Staff)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }
}
