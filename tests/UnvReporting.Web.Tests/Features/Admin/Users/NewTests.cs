using System.Net;
using Microsoft.EntityFrameworkCore;
using UnvReporting.Domain.Staff;
using UnvReporting.Testing;
using UnvReporting.Web.Platform.Data;
using UnvReporting.Web.Tests.Support;
using PasswordMessages = UnvReporting.Web.Tests.Features.Account.PasswordTests;

namespace UnvReporting.Web.Tests.Features.Admin.Users;

public class NewTests
{
    private static Dictionary<string, string> Account(string email, string password, StaffRole role = StaffRole.Editor) => new()
    {
        ["Input.Email"] = email,
        ["Input.DisplayName"] = "New Colleague",
        ["Input.Role"] = role.ToString(),
        ["Input.Password"] = password,
    };

    [Theory, BothProviders]
    public async Task A_created_account_signs_in_with_its_role(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var admin = await app.SignedInAsync(StaffRole.Admin);

        var response = await admin.PostFormAsync(app.Url.NewUser, Account("new.editor@unv.test", StaffAccounts.Password));

        var list = await admin.FollowAsync(response);
        list.QuerySelector("tr[data-email='new.editor@unv.test'] select[name=role] option[selected]")!.TextContent.ShouldBe("Editor");
        using var editor = await app.SignedInAsync("new.editor@unv.test");
        var home = await editor.GetDocumentAsync(app.Url.Staff);
        home.QuerySelector("[data-role]")!.TextContent.ShouldBe("Editor");
        await using var scope = app.CreateDbScope();
        (await scope.Db.AuditEntries.CountAsync(a => a.Subject == "account" && a.SubjectKey == "new.editor@unv.test")).ShouldBe(1);
    }

    [Theory, BothProviders]
    public async Task A_password_of_eleven_characters_is_refused_with_identitys_message(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var admin = await app.SignedInAsync(StaffRole.Admin);

        var response = await admin.PostFormAsync(app.Url.NewUser, Account("short@unv.test", new string('a', 11)));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.DocumentAsync();
        page.QuerySelector("#password-error")!.TextContent.ShouldContain("at least 12 characters");
        await using var scope = app.CreateDbScope();
        (await scope.Db.Users.AnyAsync(u => u.Email == "short@unv.test")).ShouldBeFalse();
    }

    [Theory, BothProviders]
    public async Task A_common_password_or_one_holding_the_accounts_address_or_name_is_refused(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var admin = await app.SignedInAsync(StaffRole.Admin);

        foreach (var (email, password, message) in new[]
        {
            ("common@unv.test", "password1234", PasswordMessages.Guessable),
            ("one.char@unv.test", "aaaaaaaaaaaa", PasswordMessages.OneCharacter),
            ("jane.doe@unv.test", "jane.doe is my name", PasswordMessages.Personal),
            ("named@unv.test", "hello New Colleague of mine", PasswordMessages.Personal),
        })
        {
            var page = await (await admin.PostFormAsync("/admin/users/new", Account(email, password))).DocumentAsync();
            page.QuerySelector("#password-error")?.TextContent.ShouldBe(message, password);
        }

        await using var scope = app.CreateDbScope();
        (await scope.Db.Users.CountAsync()).ShouldBe(1, "only the Admin");
    }

    /// <summary>A password of the length without a pattern a guesser would try first.</summary>
    private static string Varied(int length) => string.Concat(Enumerable.Range(0, length).Select(i => (char)('a' + (i * 7 % 26))));

    [Theory, BothProviders]
    public async Task Passwords_of_128_characters_are_accepted_and_of_129_refused(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var admin = await app.SignedInAsync(StaffRole.Admin);

        var longest = await admin.PostFormAsync(app.Url.NewUser, Account("longest@unv.test", Varied(128)));
        var tooLong = await admin.PostFormAsync(app.Url.NewUser, Account("too.long@unv.test", Varied(129)));

        longest.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.SignedInAsync("longest@unv.test", Varied(128))).Dispose();
        tooLong.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await tooLong.DocumentAsync()).QuerySelector("#password-error")!.TextContent.ShouldBe("Passwords must be at most 128 characters.");
        await using var scope = app.CreateDbScope();
        (await scope.Db.Users.AnyAsync(u => u.Email == "too.long@unv.test")).ShouldBeFalse();
    }

    [Theory, BothProviders]
    public async Task An_address_already_in_use_is_refused(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var admin = await app.SignedInAsync(StaffRole.Admin);

        var response = await admin.PostFormAsync(app.Url.NewUser, Account(StaffAccounts.EmailFor(StaffRole.Admin), StaffAccounts.Password));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.DocumentAsync()).QuerySelector("#email-error")!.TextContent.ShouldContain("is already taken");
    }
}
