using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using UnvReporting.Domain.Staff;
using UnvReporting.Web.Platform.Data;

namespace UnvReporting.Web.Tests.Support;

/// <summary>Staff accounts for tests, made through Identity as the Admin pages make them, and browsers signed in with them.</summary>
public static class StaffAccounts
{
    public const string Password = "correct horse battery staple";

    public static string EmailFor(StaffRole role) => $"{role.ToString().ToLowerInvariant()}@unv.test";

    /// <summary>Creates an account with the role (through Identity, as the Admin pages do).</summary>
    public static async Task<StaffUser> CreateUserAsync(this TestApp app, StaffRole role, string? email = null, string password = Password)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var address = email ?? EmailFor(role);
        var user = new StaffUser { UserName = address, Email = address, EmailConfirmed = true, CreatedAt = DateTimeOffset.UtcNow };
        var created = await users.CreateAsync(user, password);
        created.Succeeded.ShouldBeTrue(string.Join(" ", created.Errors.Select(e => e.Description)));
        (await users.AddToRoleAsync(user, role.ToString())).Succeeded.ShouldBeTrue();
        return user;
    }

    /// <summary>A browser of its own, not signed in.</summary>
    public static StaffBrowser Visitor(this TestApp app) => StaffBrowser.Open(app.Factory);

    /// <summary>A browser signed in as a new account of the role (<see cref="EmailFor"/>).</summary>
    public static async Task<StaffBrowser> SignedInAsync(this TestApp app, StaffRole role)
    {
        await app.CreateUserAsync(role);
        return await StaffBrowser.SignedInAsync(app.Factory, EmailFor(role));
    }

    /// <summary>A browser signed in as an account the test made.</summary>
    public static Task<StaffBrowser> SignedInAsync(this TestApp app, string email, string password = Password) =>
        StaffBrowser.SignedInAsync(app.Factory, email, password);
}
