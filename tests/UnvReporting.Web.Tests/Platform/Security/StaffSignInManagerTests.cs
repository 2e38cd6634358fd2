using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using UnvReporting.Domain.Staff;
using UnvReporting.Testing;
using UnvReporting.Web.Platform.Data;
using UnvReporting.Web.Platform.Security;
using UnvReporting.Web.Tests.Support;

namespace UnvReporting.Web.Tests.Platform.Security;

/// <summary>
/// Every refused sign-in costs one password hashing, whatever the reason, and is answered at the
/// same time after it began, so a stopwatch cannot tell locked, disabled or unknown accounts from
/// wrong passwords. Hashings are counted, and answer times only bounded from below: an upper bound
/// or a comparison of times on a shared machine would be noise (the comparison is measured
/// instead, docs/security.md).
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

    [Theory, BothProviders]
    public async Task Unknown_addresses_and_wrong_passwords_are_answered_no_sooner_than_the_failure_answer_time(DatabaseProvider provider)
    {
        // With hashing that costs nothing, a failure is slow only if the answer time makes it so.
        await using var app = await TestApp.StartAsync(provider, configureServices: s => s.AddSingleton<IPasswordHasher<StaffUser>>(new InstantHasher()));
        var user = await app.CreateUserAsync(StaffRole.Editor);
        using var client = new StaffBrowser(app.Factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true }), app.Url);

        var failures = new Dictionary<string, Func<Task>>
        {
            ["token, unknown address"] = async () =>
                (await app.RequestTokenAsync("nobody@unv.test", StaffAccounts.Password)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized),
            ["token, wrong password"] = async () =>
                (await app.RequestTokenAsync(user.Email!, "not the password at all")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized),
            ["page, unknown address"] = async () =>
                (await client.SignInAsync("nobody@unv.test", StaffAccounts.Password)).StatusCode.ShouldBe(HttpStatusCode.OK),
            ["page, wrong password"] = async () =>
                (await client.SignInAsync(user.Email!, "not the password at all")).StatusCode.ShouldBe(HttpStatusCode.OK),
        };

        // The fastest of three, after a first round that pays for compiling and warming up: on a
        // busy machine any single request can be slow, but without the answer time not all three.
        // The wrong passwords lock the account on the way: a locked account's refusal is one more
        // failure that must not stand out.
        var fastest = new Dictionary<string, TimeSpan>();
        foreach (var failure in failures.Values)
        {
            await failure();
        }

        foreach (var (kind, failure) in failures)
        {
            fastest[kind] = new[] { await TimeAsync(failure), await TimeAsync(failure), await TimeAsync(failure) }.Min();
        }

        fastest.ShouldAllBe(t => t.Value >= StaffSignInManager.FailureAnswerTime, string.Join(", ", fastest.Select(t => $"{t.Key}: {t.Value.TotalMilliseconds:0} ms")));
    }

    private static async Task<TimeSpan> TimeAsync(Func<Task> request)
    {
        var started = Stopwatch.GetTimestamp();
        await request();
        return Stopwatch.GetElapsedTime(started);
    }

    private static async Task ChangeAsync(TestApp app, string userId, Func<UserManager<StaffUser>, StaffUser, Task<IdentityResult>> change)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        (await change(users, (await users.FindByIdAsync(userId))!)).Succeeded.ShouldBeTrue();
    }

    /// <summary>Keeps the password as its own hash: no work at all (test accounts only).</summary>
    private sealed class InstantHasher : IPasswordHasher<StaffUser>
    {
        public string HashPassword(StaffUser user, string password) => password;

        public PasswordVerificationResult VerifyHashedPassword(StaffUser user, string hashedPassword, string providedPassword) =>
            hashedPassword == providedPassword ? PasswordVerificationResult.Success : PasswordVerificationResult.Failed;
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
