using Microsoft.EntityFrameworkCore;
using UnvReporting.Domain.Staff;
using UnvReporting.Web.Tests.Support;

namespace UnvReporting.Web.Tests.Features.Admin;

/// <summary>What the Admin page tests share: a second Admin, finding an account.</summary>
internal static class AdminAccounts
{
    /// <summary>A second Admin, so that the signed-in one is not the last.</summary>
    public static Task AddAnotherAdminAsync(this TestApp app) => app.CreateUserAsync(StaffRole.Admin, "second.admin@unv.test");

    public static async Task<string> AccountIdAsync(this TestApp app, string email)
    {
        await using var scope = app.CreateDbScope();
        return await scope.Db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }
}
