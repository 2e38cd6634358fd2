using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UnvReporting.Domain.Staff;
using UnvReporting.Testing;
using UnvReporting.Web.Platform.Data;
using UnvReporting.Web.Tests.Support;

namespace UnvReporting.Web.Tests.Features.Admin.Users;

public class RoleChangeTests
{
    [Theory, BothProviders]
    public async Task A_role_change_that_fails_half_way_leaves_the_account_as_it_was(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var admin = await app.SignedInAsync(StaffRole.Admin);
        var editor = await app.CreateUserAsync(StaffRole.Editor);
        // Without its role row, adding the Approver role throws after the Editor role has been removed.
        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
            (await roles.DeleteAsync((await roles.FindByNameAsync(nameof(StaffRole.Approver)))!)).Succeeded.ShouldBeTrue();
        }

        var response = await admin.PostFormAsync(app.Url.Page("/Admin/Users/Index", "Role"), new Dictionary<string, string> { ["id"] = editor.Id, ["role"] = "Approver" }, pagePath: app.Url.Users);

        response.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        await using var check = app.CreateDbScope();
        var roleNames = await check.Db.UserRoles.Where(ur => ur.UserId == editor.Id)
            .Join(check.Db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).ToListAsync();
        roleNames.ShouldBe([nameof(StaffRole.Editor)]);
        (await check.Db.Users.SingleAsync(u => u.Id == editor.Id)).SecurityStamp.ShouldBe(editor.SecurityStamp);
        (await check.Db.AuditEntries.CountAsync(a => a.Subject == "account")).ShouldBe(0);
    }
}
