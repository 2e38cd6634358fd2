using System.Net;
using Microsoft.EntityFrameworkCore;
using UnvReporting.Domain.Staff;
using UnvReporting.Testing;
using UnvReporting.Web.Platform.Data;
using UnvReporting.Web.Tests.Support;

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
    public async Task Passwords_of_128_characters_are_accepted_and_of_129_refused(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var admin = await app.SignedInAsync(StaffRole.Admin);

        var longest = await admin.PostFormAsync(app.Url.NewUser, Account("longest@unv.test", new string('b', 128)));
        var tooLong = await admin.PostFormAsync(app.Url.NewUser, Account("too.long@unv.test", new string('c', 129)));

        longest.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.SignedInAsync("longest@unv.test", new string('b', 128))).Dispose();
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
