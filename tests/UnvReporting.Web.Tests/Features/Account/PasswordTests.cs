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

    public const string Guessable = "This password is too easy to guess: it is a common password, or one with a few digits or letters added, a sequence or a keyboard pattern. A phrase of several unrelated words is stronger and easy to remember.";

    public const string Personal = "A password cannot contain the account's e-mail address or name.";

    public const string OneCharacter = "A password cannot be one character repeated.";

    [Theory, BothProviders]
    public async Task Common_repeated_and_personal_passwords_are_refused_with_a_clear_message(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var editor = await app.SignedInAsync(StaffRole.Editor);
        var email = StaffAccounts.EmailFor(StaffRole.Editor);

        foreach (var (password, message) in new[]
        {
            ("123456789012", Guessable),
            ("password1234", Guessable),
            ("aaaaaaaaaaaa", OneCharacter),
            (email, Personal),
            ($"I am {email.ToUpperInvariant()} at work", Personal),
        })
        {
            var page = await (await editor.PostFormAsync(app.Url.Password, Change(StaffAccounts.Password, password))).DocumentAsync();
            page.QuerySelector("#new-error")?.TextContent.ShouldBe(message, password);
        }

        (await app.SignedInAsync(email)).Dispose();
    }

    [Theory, BothProviders]
    public async Task The_refusal_is_in_chinese_for_a_chinese_reader(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var editor = await app.SignedInAsync(StaffRole.Editor);
        (await editor.GetAsync("/?culture=zh-Hans")).EnsureSuccessStatusCode();

        var guessable = await (await editor.PostFormAsync(app.Url.Password, Change(StaffAccounts.Password, "password1234"))).DocumentAsync();
        var repeated = await (await editor.PostFormAsync(app.Url.Password, Change(StaffAccounts.Password, "zzzzzzzzzzzzzzzz"))).DocumentAsync();

        guessable.QuerySelector("#new-error")?.TextContent.ShouldBe("此密码太容易被猜到：它是常见密码，或在常见密码上加了几个数字或字母，或是连续字符或键盘排列。由几个互不相关的词组成的短语更安全，也容易记住。");
        repeated.QuerySelector("#new-error")?.TextContent.ShouldBe("密码不能是同一个字符的重复。");
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
