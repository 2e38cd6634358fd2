using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using UnvReporting.Domain.Staff;
using UnvReporting.Testing;
using UnvReporting.Web.Platform.Data;
using UnvReporting.Web.Tests.Support;

namespace UnvReporting.Web.Tests.Platform.Security;

/// <summary>
/// Every refused sign-in costs one password hashing, whatever the reason, so a stopwatch cannot
/// tell locked, disabled or unknown accounts from wrong passwords. Counted rather than timed:
/// a timing test on a shared machine would be noise.
/// </summary>
public class StaffSignInManagerTests
{
    [Theory, BothProviders]
    public async Task A_locked_account_costs_one_hashing_at_the_token_endpoint_and_the_sign_in_page(DatabaseProvider provider)
    {
        var hasher = new CountingHasher();
        await using var app = await TestApp.StartAsync(provider, configureServices: s => s.AddSingleton<IPasswordHasher<StaffUser>>(hasher));
        var user = await app.CreateUserAsync(StaffRole.Editor);
        await ChangeAsync(app, user.Id, (users, u) => users.SetLockoutEndDateAsync(u, DateTimeOffset.UtcNow.AddMinutes(15)));
        using var client = app.Visitor();

        hasher.Verifications = 0;
        (await app.RequestTokenAsync(user.Email!, StaffAccounts.Password)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        hasher.Verifications.ShouldBe(1);

        var form = await client.AntiforgeryTokenAsync("/account/sign-in");
        hasher.Verifications = 0;
        var page = await client.PostAsync("/account/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = user.Email!,
            ["Input.Password"] = StaffAccounts.Password,
            ["__RequestVerificationToken"] = form,
        }));
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        hasher.Verifications.ShouldBe(1);
    }

    [Theory, BothProviders]
    public async Task A_disabled_account_costs_one_hashing_at_the_token_endpoint(DatabaseProvider provider)
    {
        var hasher = new CountingHasher();
        await using var app = await TestApp.StartAsync(provider, configureServices: s => s.AddSingleton<IPasswordHasher<StaffUser>>(hasher));
        var user = await app.CreateUserAsync(StaffRole.Editor);
        await ChangeAsync(app, user.Id, (users, u) =>
        {
            u.IsDisabled = true;
            return users.UpdateAsync(u);
        });

        hasher.Verifications = 0;
        (await app.RequestTokenAsync(user.Email!, StaffAccounts.Password)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        hasher.Verifications.ShouldBe(1);
    }

    private static async Task ChangeAsync(TestApp app, string userId, Func<UserManager<StaffUser>, StaffUser, Task<IdentityResult>> change)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        (await change(users, (await users.FindByIdAsync(userId))!)).Succeeded.ShouldBeTrue();
    }

    private sealed class CountingHasher : IPasswordHasher<StaffUser>
    {
        private readonly PasswordHasher<StaffUser> _inner = new();

        public int Verifications { get; set; }

        public string HashPassword(StaffUser user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(StaffUser user, string hashedPassword, string providedPassword)
        {
            Verifications++;
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
