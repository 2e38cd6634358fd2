using System.Net;
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
        using var client = await app.ClientAsAsync(StaffRole.Viewer);

        clock.Advance(TimeSpan.FromMinutes(20));
        (await client.GetAsync("/staff")).StatusCode.ShouldBe(HttpStatusCode.OK);
        clock.Advance(TimeSpan.FromMinutes(20));
        (await client.GetAsync("/staff")).StatusCode.ShouldBe(HttpStatusCode.OK, "40 minutes after signing in, 20 after the last request");
        clock.Advance(TimeSpan.FromMinutes(31));

        ShouldBeSentToSignIn(await client.GetAsync("/staff"));
    }

    [Theory, BothProviders]
    public async Task However_active_a_session_ends_eight_hours_after_signing_in(DatabaseProvider provider)
    {
        var clock = new MovableClock();
        await using var app = await TestApp.StartAsync(provider, configureServices: s => s.AddSingleton<TimeProvider>(clock));
        using var client = await app.ClientAsAsync(StaffRole.Viewer);

        for (var minutes = 20; minutes < 8 * 60; minutes += 20)
        {
            clock.Advance(TimeSpan.FromMinutes(20));
            (await client.GetAsync("/staff")).StatusCode.ShouldBe(HttpStatusCode.OK, $"{minutes} minutes after signing in");
        }

        clock.Advance(TimeSpan.FromMinutes(20));

        ShouldBeSentToSignIn(await client.GetAsync("/staff"));
    }

    [Theory, BothProviders]
    public async Task The_lifetimes_come_from_the_settings(DatabaseProvider provider)
    {
        var clock = new MovableClock();
        await using var app = await TestApp.StartAsync(
            provider,
            new Dictionary<string, string> { ["Sessions:IdleMinutes"] = "90", ["Sessions:AbsoluteHours"] = "2" },
            configureServices: s => s.AddSingleton<TimeProvider>(clock));
        using var client = await app.ClientAsAsync(StaffRole.Viewer);

        clock.Advance(TimeSpan.FromMinutes(80));
        (await client.GetAsync("/staff")).StatusCode.ShouldBe(HttpStatusCode.OK);
        clock.Advance(TimeSpan.FromMinutes(41));

        ShouldBeSentToSignIn(await client.GetAsync("/staff"));
    }

    [Theory, BothProviders]
    public async Task After_signing_out_a_copy_of_the_cookie_no_longer_works_nor_do_the_accounts_other_sessions(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await app.CreateUserAsync(StaffRole.Editor);
        var browser = new CookieJar(app.Factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false }));
        await browser.SignInAsync(StaffAccounts.EmailFor(StaffRole.Editor), StaffAccounts.Password);
        var copied = browser.Copy();
        using var otherComputer = app.Factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        (await otherComputer.SignInAsync(StaffAccounts.EmailFor(StaffRole.Editor), StaffAccounts.Password)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var token = await (await app.RequestTokenAsync(StaffAccounts.EmailFor(StaffRole.Editor), StaffAccounts.Password)).JsonAsync(200);
        (await copied.GetAsync("/staff")).StatusCode.ShouldBe(HttpStatusCode.OK, "the copy works while the session lasts");

        var signOut = await browser.PostFormAsync("/account/sign-out", "/staff");
        signOut.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        ShouldBeSentToSignIn(await copied.GetAsync("/staff"));
        ShouldBeSentToSignIn(await otherComputer.GetAsync("/staff"));
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

    /// <summary>A browser's cookies carried by hand, so a test can copy them as an attacker would.</summary>
    private sealed class CookieJar(HttpClient client)
    {
        private readonly Dictionary<string, string> _cookies = [];

        public CookieJar Copy()
        {
            var copy = new CookieJar(client);
            foreach (var (name, value) in _cookies)
            {
                copy._cookies[name] = value;
            }

            return copy;
        }

        public async Task<HttpResponseMessage> GetAsync(string path) => await SendAsync(new HttpRequestMessage(HttpMethod.Get, path));

        public async Task SignInAsync(string email, string password)
        {
            var response = await PostFormAsync("/account/sign-in", "/account/sign-in", new() { ["Input.Email"] = email, ["Input.Password"] = password });
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        public async Task<HttpResponseMessage> PostFormAsync(string path, string formPage, Dictionary<string, string>? fields = null)
        {
            var page = await Html.ParseAsync(await GetAsync(formPage));
            var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
            var content = new FormUrlEncodedContent((fields ?? []).Append(new("__RequestVerificationToken", token)));
            return await SendAsync(new HttpRequestMessage(HttpMethod.Post, path) { Content = content });
        }

        private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
        {
            if (_cookies.Count > 0)
            {
                request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")));
            }

            var response = await client.SendAsync(request);
            foreach (var header in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
            {
                var pair = header[..header.IndexOf(';', StringComparison.Ordinal)];
                var name = pair[..pair.IndexOf('=', StringComparison.Ordinal)];
                var value = pair[(name.Length + 1)..];
                if (value.Length == 0)
                {
                    _cookies.Remove(name);
                }
                else
                {
                    _cookies[name] = value;
                }
            }

            return response;
        }
    }
}
