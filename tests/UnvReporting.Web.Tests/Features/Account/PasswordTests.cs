using System.Net;
using UnvReporting.Domain.Staff;
using UnvReporting.Testing;
using UnvReporting.Web.Platform.Data;
using UnvReporting.Web.Tests.Features.Admin;
using UnvReporting.Web.Tests.Support;

namespace UnvReporting.Web.Tests.Features.Account;

public class PasswordTests
{
    private const string NewPassword = "a brand new passphrase for me";

    private static Dictionary<string, string> Change(string current, string next, string? confirm = null) => new()
    {
        ["Input.CurrentPassword"] = current,
        ["Input.NewPassword"] = next,
        ["Input.ConfirmPassword"] = confirm ?? next,
    };

    [Theory, BothProviders]
    public async Task A_staff_member_changes_their_password_and_stays_signed_in(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var viewer = await app.SignedInAsync(StaffRole.Viewer);

        var response = await viewer.PostFormAsync(app.Url.Password, Change(StaffAccounts.Password, NewPassword));

        (await viewer.FollowAsync(response)).QuerySelector("[role=status]")!.TextContent.ShouldContain("Your password is changed");
        (await viewer.GetAsync(app.Url.Staff)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await app.SignedInAsync(StaffAccounts.EmailFor(StaffRole.Viewer), NewPassword)).Dispose();
    }

    [Theory, BothProviders]
    public async Task A_wrong_current_password_or_a_short_new_one_is_refused(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var editor = await app.SignedInAsync(StaffRole.Editor);

        var wrong = await (await editor.PostFormAsync(app.Url.Password, Change("not my password at all", NewPassword))).DocumentAsync();
        var tooShort = await (await editor.PostFormAsync(app.Url.Password, Change(StaffAccounts.Password, "elevenchars"))).DocumentAsync();
        var mismatch = await (await editor.PostFormAsync(app.Url.Password, Change(StaffAccounts.Password, NewPassword, NewPassword + "!"))).DocumentAsync();

        wrong.QuerySelector("#current-error")!.TextContent.ShouldBe("The current password is not right. After 5 failed attempts the account is locked for 15 minutes.");
        tooShort.QuerySelector("#new-error")!.TextContent.ShouldContain("at least 12 characters");
        mismatch.QuerySelector("#confirm-error")!.TextContent.ShouldBe("The two new passwords are not the same.");
        (await app.SignedInAsync(StaffAccounts.EmailFor(StaffRole.Editor))).Dispose();
    }

    [Theory, BothProviders]
    public async Task Guessing_the_current_password_locks_the_account_like_sign_in_does(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var editor = await app.SignedInAsync(StaffRole.Editor);

        for (var attempt = 1; attempt < 5; attempt++)
        {
            (await editor.PostFormAsync(app.Url.Password, Change($"guess number {attempt}!", NewPassword))).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var fifth = await editor.PostFormAsync(app.Url.Password, Change("guess number 5!", NewPassword));

        fifth.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        fifth.Location()!.ShouldContain(app.Url.SignIn);
        (await editor.GetAsync(app.Url.Staff)).StatusCode.ShouldBe(HttpStatusCode.Redirect, "the session ended");
        using var again = app.Visitor();
        (await again.SignInAsync(StaffAccounts.EmailFor(StaffRole.Editor), StaffAccounts.Password)).StatusCode.ShouldBe(HttpStatusCode.OK, "locked out");
        LogFile.ReadLines(app.Database.DataFolder).ShouldContain(l => l.Contains("is locked out", StringComparison.Ordinal) && l.Contains("password change", StringComparison.Ordinal));
    }

    [Theory, BothProviders]
    public async Task Visitors_are_sent_to_sign_in(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);

        var response = await app.Client.GetAsync(app.Url.Password);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Location()!.ShouldContain(app.Url.SignIn);
    }
}
