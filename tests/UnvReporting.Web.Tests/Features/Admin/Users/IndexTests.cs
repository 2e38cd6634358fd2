using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UnvReporting.Domain.Staff;
using UnvReporting.Testing;
using UnvReporting.Web.Platform.Data;
using UnvReporting.Web.Tests.Support;

namespace UnvReporting.Web.Tests.Features.Admin.Users;

public class IndexTests
{
    private static async Task<HttpResponseMessage> PostAsync(StaffBrowser admin, string handler, Dictionary<string, string> fields) =>
        await admin.PostFormAsync(admin.Url.Page("/Admin/Users/Index", handler), fields, pagePath: admin.Url.Users);

    [Theory, BothProviders]
    public async Task A_disabled_account_is_refused_on_its_next_request(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var editor = await app.SignedInAsync(StaffRole.Editor);
        using var admin = await app.SignedInAsync(StaffRole.Admin);
        (await editor.GetAsync(app.Url.Staff)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var response = await PostAsync(admin, "Disable", new() { ["id"] = await app.AccountIdAsync(StaffAccounts.EmailFor(StaffRole.Editor)), ["disable"] = "true" });

        (await admin.FollowAsync(response)).QuerySelector("#account-message")!.TextContent.ShouldContain("is disabled");
        (await editor.GetAsync(app.Url.Staff)).StatusCode.ShouldNotBe(HttpStatusCode.OK);
        using var another = app.Visitor();
        var signIn = await another.SignInAsync(StaffAccounts.EmailFor(StaffRole.Editor), StaffAccounts.Password);
        signIn.StatusCode.ShouldBe(HttpStatusCode.OK, "a disabled account cannot sign in again");
    }

    [Theory, BothProviders]
    public async Task A_role_change_takes_effect_at_the_next_sign_in(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var viewer = await app.SignedInAsync(StaffRole.Viewer);
        using var admin = await app.SignedInAsync(StaffRole.Admin);

        await PostAsync(admin, "Role", new() { ["id"] = await app.AccountIdAsync(StaffAccounts.EmailFor(StaffRole.Viewer)), ["role"] = "Approver" });

        (await viewer.GetAsync(app.Url.Staff)).StatusCode.ShouldNotBe(HttpStatusCode.OK, "the old cookie carries the old role");
        using var again = await app.SignedInAsync(StaffAccounts.EmailFor(StaffRole.Viewer));
        (await again.GetDocumentAsync(app.Url.Staff)).QuerySelector("[data-role]")!.TextContent.ShouldBe("Approver");
        await using var scope = app.CreateDbScope();
        var entry = await scope.Db.AuditEntries.SingleAsync(a => a.Subject == "account" && a.Field == "Role");
        (entry.OldValue, entry.NewValue, entry.UserName).ShouldBe(("Viewer", "Approver", StaffAccounts.EmailFor(StaffRole.Admin)));
    }

    [Theory, BothProviders]
    public async Task An_admin_cannot_disable_or_demote_their_own_account(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var admin = await app.SignedInAsync(StaffRole.Admin);
        await app.AddAnotherAdminAsync();
        var self = await app.AccountIdAsync(StaffAccounts.EmailFor(StaffRole.Admin));

        var disable = await admin.FollowAsync(await PostAsync(admin, "Disable", new() { ["id"] = self, ["disable"] = "true" }));
        var demote = await admin.FollowAsync(await PostAsync(admin, "Role", new() { ["id"] = self, ["role"] = "Editor" }));

        disable.QuerySelector("#account-message")!.TextContent.ShouldBe("You cannot disable your own account; another Admin can.");
        demote.QuerySelector("#account-message")!.TextContent.ShouldBe("You cannot demote your own account; another Admin can.");
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var stored = (await users.FindByIdAsync(self))!;
        stored.IsDisabled.ShouldBeFalse();
        (await users.GetRolesAsync(stored)).ShouldBe(["Admin"]);
    }

    [Theory, BothProviders]
    public async Task The_last_enabled_admin_cannot_be_disabled_or_demoted(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var admin = await app.SignedInAsync(StaffRole.Admin);
        await app.AddAnotherAdminAsync();
        var self = await app.AccountIdAsync(StaffAccounts.EmailFor(StaffRole.Admin));
        await admin.FollowAsync(await PostAsync(admin, "Disable", new() { ["id"] = await app.AccountIdAsync("second.admin@unv.test"), ["disable"] = "true" }));

        var disable = await admin.FollowAsync(await PostAsync(admin, "Disable", new() { ["id"] = self, ["disable"] = "true" }));
        var demote = await admin.FollowAsync(await PostAsync(admin, "Role", new() { ["id"] = self, ["role"] = "Approver" }));

        disable.QuerySelector("#account-message")!.TextContent.ShouldBe("admin@unv.test is the last enabled Admin and cannot be disabled; give another account the Admin role first.");
        demote.QuerySelector("#account-message")!.TextContent.ShouldBe("admin@unv.test is the last enabled Admin and cannot be demoted; give another account the Admin role first.");
        (await admin.GetAsync(app.Url.Users)).StatusCode.ShouldBe(HttpStatusCode.OK, "the last Admin keeps their access");
    }

    [Theory, BothProviders]
    public async Task A_locked_out_account_is_unlocked(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await app.CreateUserAsync(StaffRole.Editor);
        using var admin = await app.SignedInAsync(StaffRole.Admin);
        using var guesser = app.Visitor();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await guesser.SignInAsync(StaffAccounts.EmailFor(StaffRole.Editor), "a wrong password indeed");
        }

        var list = await admin.GetDocumentAsync(app.Url.Users);
        list.QuerySelector($"tr[data-email='{StaffAccounts.EmailFor(StaffRole.Editor)}'] [data-state]")!.TextContent.ShouldContain("Locked out until");

        await PostAsync(admin, "Unlock", new() { ["id"] = await app.AccountIdAsync(StaffAccounts.EmailFor(StaffRole.Editor)) });

        (await app.SignedInAsync(StaffAccounts.EmailFor(StaffRole.Editor))).Dispose();
    }
}
