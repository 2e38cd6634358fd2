using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using UnvReporting.Domain.Staff;
using UnvReporting.Testing;
using UnvReporting.Web.Platform.Data;
using UnvReporting.Web.Tests.Support;

namespace UnvReporting.Web.Tests.Platform.Security;

/// <summary>
/// Another site cannot act with a signed-in staff member's browser: every form post needs the
/// antiforgery token, the API's writes ignore the sign-in cookie, and no GET changes anything.
/// The handlers are enumerated from the app (<see cref="AppEndpoints"/>), not listed by hand.
/// </summary>
public class RequestForgeryTests
{
    /// <summary>POST handlers that skip the antiforgery check on purpose, and why.</summary>
    private static readonly Dictionary<string, string> WithoutAntiforgery = new()
    {
        // The exception handler re-runs a failed POST on the error page; it only renders the message.
        ["POST /Error/{statusCode:int?}"] = "error page",
    };

    [Theory, BothProviders]
    public async Task Every_form_post_without_the_antiforgery_token_is_refused_and_changes_nothing(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var factId = await DraftYearWithFactAsync(app);
        using var admin = await app.SignedInAsync(StaffRole.Admin);
        var posts = AppEndpoints.Handlers(app).Where(h => h.IsPage && h.Method == "POST" && !WithoutAntiforgery.ContainsKey(h.ToString())).ToList();
        var before = await StateAsync(app);
        var wrong = new List<string>();

        // Each as the draft year and as a published one: the handlers' own rules differ by status.
        foreach (var post in posts)
        {
            foreach (var year in new[] { DraftYear.Year, 2021 })
            {
                using var response = await admin.PostAsync(AppEndpoints.Fill(post, year, factId), new FormUrlEncodedContent([]));
                if (response.StatusCode != HttpStatusCode.BadRequest)
                {
                    wrong.Add($"{post} ({year}): {(int)response.StatusCode}");
                }
            }
        }

        wrong.ShouldBeEmpty(string.Join(Environment.NewLine, wrong));
        posts.Count.ShouldBeGreaterThan(20);
        ShouldBeUnchanged(before, await StateAsync(app));
        (await admin.GetAsync("/staff")).StatusCode.ShouldBe(HttpStatusCode.OK, "still signed in: the sign-out post was refused too");
    }

    [Theory, BothProviders]
    public async Task The_sign_in_cookie_alone_does_not_authorize_an_api_write(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await DraftYearWithFactAsync(app);
        using var editor = await app.SignedInAsync(StaffRole.Editor);
        var token = await TokenAsync(app, StaffRole.Editor);
        var path = $"/api/v1/years/{DraftYear.Year}/indicators/{DraftYear.IndicatorKey}";
        var body = $$"""{"result":55,"version":"{{await app.VersionOfAsync(DraftYear.Year, DraftYear.IndicatorKey, token)}}"}""";
        var before = await StateAsync(app);

        using var withCookie = await editor.Client.PutAsync(path, new StringContent(body, Encoding.UTF8, "application/json"));

        withCookie.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        ShouldBeUnchanged(before, await StateAsync(app));
        (await app.PutJsonAsync(path, body, token)).StatusCode.ShouldBe(HttpStatusCode.OK, "the same edit with a bearer token is accepted");
    }

    [Theory, BothProviders]
    public async Task No_get_changes_anything(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var factId = await DraftYearWithFactAsync(app);
        using var admin = await app.SignedInAsync(StaffRole.Admin);
        var token = await TokenAsync(app, StaffRole.Admin);
        var gets = AppEndpoints.Handlers(app).Where(h => h.Method is "GET" or "*" && !h.Route.Contains("{**path", StringComparison.Ordinal)).ToList();
        var before = await StateAsync(app);
        var failed = new List<string>();

        foreach (var get in gets)
        {
            foreach (var year in new[] { DraftYear.Year, 2021 })
            {
                var address = AppEndpoints.Fill(get, year, factId);
                using var response = address.StartsWith("/api/", StringComparison.Ordinal)
                    ? await app.GetAsync(address, token)
                    : await admin.GetAsync(address);
                // The error page asked for without a status describes a failure (500) by design.
                if ((int)response.StatusCode >= 500 && !get.Route.StartsWith("/Error", StringComparison.Ordinal))
                {
                    failed.Add($"{address}: {(int)response.StatusCode}");
                }
            }
        }

        failed.ShouldBeEmpty(string.Join(Environment.NewLine, failed));
        gets.Count.ShouldBeGreaterThan(40);
        ShouldBeUnchanged(before, await StateAsync(app));
        (await admin.GetAsync("/staff")).StatusCode.ShouldBe(HttpStatusCode.OK, "still signed in: GET /account/sign-out does not sign out");
    }

    /// <summary>Equal states; otherwise the first difference with some context, not two pages of JSON.</summary>
    private static void ShouldBeUnchanged(string before, string after)
    {
        var at = Enumerable.Range(0, Math.Min(before.Length, after.Length)).FirstOrDefault(i => before[i] != after[i], Math.Min(before.Length, after.Length));
        if (at < before.Length || at < after.Length)
        {
            var from = Math.Max(0, at - 150);
            throw new ShouldAssertException(
                $"The database changed at character {at}:\nbefore: {before[from..Math.Min(before.Length, at + 150)]}\nafter:  {after[from..Math.Min(after.Length, at + 150)]}");
        }
    }

    private static async Task<long> DraftYearWithFactAsync(TestApp app)
    {
        await DraftYear.AddAsync(app);
        await using var scope = app.CreateDbScope();
        return await scope.Db.StatisticFacts.Where(f => f.Year == DraftYear.Year).Select(f => f.Id).FirstAsync();
    }

    private static async Task<string> TokenAsync(TestApp app, StaffRole role)
    {
        var response = await app.RequestTokenAsync(StaffAccounts.EmailFor(role), StaffAccounts.Password);
        return (await response.JsonAsync(200)).GetProperty("accessToken").GetString()!;
    }

    /// <summary>The domain tables, the audit log, pending imports and the accounts with their roles and security stamps.</summary>
    private static async Task<string> StateAsync(TestApp app)
    {
        await using var scope = app.CreateDbScope();
        var db = scope.Db;
        var accounts = new
        {
            Audit = await db.AuditEntries.CountAsync(),
            PendingImports = await db.PendingImports.CountAsync(),
            Users = await db.Users.AsNoTracking().OrderBy(u => u.Email)
                .Select(u => new { u.Email, u.IsDisabled, u.LockoutEnd, u.SecurityStamp, u.PasswordHash }).ToListAsync(),
            Roles = await db.UserRoles.AsNoTracking().OrderBy(r => r.UserId).ThenBy(r => r.RoleId).ToListAsync(),
        };
        return await DatabaseSnapshot.TakeAsync(db) + JsonSerializer.Serialize(accounts);
    }
}
