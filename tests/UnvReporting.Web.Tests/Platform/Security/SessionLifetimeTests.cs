using System.Net;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.DependencyInjection;
using UnvReporting.Domain.Staff;
using UnvReporting.Testing;
using UnvReporting.Web.Platform.Data;
using UnvReporting.Web.Tests.Support;

namespace UnvReporting.Web.Tests.Platform.Security;

public class SessionLifetimeTests
{
    [Theory, BothProviders]
    public async Task A_session_ends_after_thirty_idle_minutes_and_activity_keeps_it_alive(DatabaseProvider provider)
    {
        var clock = new MovableClock();
        await using var app = await TestApp.StartAsync(provider, configureServices: s => s.AddSingleton<TimeProvider>(clock));
        using var client = await app.SignedInAsync(StaffRole.Viewer);

        clock.Advance(TimeSpan.FromMinutes(20));
        (await client.GetAsync(app.Url.Staff)).StatusCode.ShouldBe(HttpStatusCode.OK);
        clock.Advance(TimeSpan.FromMinutes(20));
        (await client.GetAsync(app.Url.Staff)).StatusCode.ShouldBe(HttpStatusCode.OK, "40 minutes after signing in, 20 after the last request");
        clock.Advance(TimeSpan.FromMinutes(31));

        ShouldBeSentToSignIn(await client.GetAsync(app.Url.Staff));
    }

    [Theory, BothProviders]
    public async Task However_active_a_session_ends_eight_hours_after_signing_in(DatabaseProvider provider)
    {
        var clock = new MovableClock();
        await using var app = await TestApp.StartAsync(provider, configureServices: s => s.AddSingleton<TimeProvider>(clock));
        using var client = await app.SignedInAsync(StaffRole.Viewer);

        for (var minutes = 20; minutes < 8 * 60; minutes += 20)
        {
            clock.Advance(TimeSpan.FromMinutes(20));
            (await client.GetAsync(app.Url.Staff)).StatusCode.ShouldBe(HttpStatusCode.OK, $"{minutes} minutes after signing in");
        }

        clock.Advance(TimeSpan.FromMinutes(20));

        ShouldBeSentToSignIn(await client.GetAsync(app.Url.Staff));
    }

    [Theory, BothProviders]
    public async Task The_lifetimes_come_from_the_settings(DatabaseProvider provider)
    {
        var clock = new MovableClock();
        await using var app = await TestApp.StartAsync(
            provider,
            new Dictionary<string, string> { ["Sessions:IdleMinutes"] = "90", ["Sessions:AbsoluteHours"] = "2" },
            configureServices: s => s.AddSingleton<TimeProvider>(clock));
        using var client = await app.SignedInAsync(StaffRole.Viewer);

        clock.Advance(TimeSpan.FromMinutes(80));
        (await client.GetAsync(app.Url.Staff)).StatusCode.ShouldBe(HttpStatusCode.OK);
        clock.Advance(TimeSpan.FromMinutes(41));

        ShouldBeSentToSignIn(await client.GetAsync(app.Url.Staff));
    }

    [Theory, BothProviders]
    public async Task After_signing_out_a_copy_of_the_cookie_no_longer_works_nor_do_the_accounts_other_sessions(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await app.CreateUserAsync(StaffRole.Editor);
        var jar = new CookieContainer();
        using var browser = BrowserWith(app, jar);
        (await browser.SignInAsync(StaffAccounts.EmailFor(StaffRole.Editor), StaffAccounts.Password)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        using var copied = BrowserWith(app, CopyOf(jar));
        using var otherComputer = app.Visitor();
        (await otherComputer.SignInAsync(StaffAccounts.EmailFor(StaffRole.Editor), StaffAccounts.Password)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var token = await (await app.RequestTokenAsync(StaffAccounts.EmailFor(StaffRole.Editor), StaffAccounts.Password)).JsonAsync(200);
        (await copied.GetAsync(app.Url.Staff)).StatusCode.ShouldBe(HttpStatusCode.OK, "the copy works while the session lasts");

        var signOut = await browser.PostFormAsync(app.Url.SignOut, new Dictionary<string, string>(), pagePath: app.Url.Staff);
        signOut.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        ShouldBeSentToSignIn(await copied.GetAsync(app.Url.Staff));
        ShouldBeSentToSignIn(await otherComputer.GetAsync(app.Url.Staff));
        (await app.GetAsync("/api/v1/years/2021/indicators/1.1/history", token.GetProperty("accessToken").GetString())).StatusCode
            .ShouldBe(HttpStatusCode.Unauthorized);
    }

    private static void ShouldBeSentToSignIn(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Location()!.ShouldContain("/account/sign-in");
    }

    /// <summary>The system clock moved forward by the test; the app's cookies and Identity read it.</summary>
    private sealed class MovableClock : TimeProvider
    {
        private TimeSpan _offset;

        public void Advance(TimeSpan by) => _offset += by;

        public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + _offset;
    }

    /// <summary>A browser of its own over a cookie jar, which a test can copy as an attacker would.</summary>
    private static StaffBrowser BrowserWith(TestApp app, CookieContainer jar) =>
        new(app.Factory.CreateDefaultClient(new CookieContainerHandler(jar)), app.Url);

    private static CookieContainer CopyOf(CookieContainer jar)
    {
        var copy = new CookieContainer();
        copy.Add(jar.GetAllCookies());
        return copy;
    }
}
