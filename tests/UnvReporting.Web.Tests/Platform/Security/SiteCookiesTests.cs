using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting.Internal;
using UnvReporting.Domain.Staff;
using UnvReporting.Testing;
using UnvReporting.Web.Platform.Data;
using UnvReporting.Web.Platform.Security;
using UnvReporting.Web.Tests.Support;

namespace UnvReporting.Web.Tests.Platform.Security;

public class SiteCookiesTests
{
    [Theory, BothProviders]
    public async Task Over_https_every_cookie_is_host_prefixed_secure_and_http_only(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, new Dictionary<string, string> { ["Cookies:HttpsOnly"] = "true" });
        await app.CreateUserAsync(StaffRole.Editor);
        using var client = app.Factory.CreateClient(new() { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false, HandleCookies = false });

        var cookies = await SetCookiesOfASignInAsync(client);

        Attributes(cookies, "__Host-unv.antiforgery").ShouldBe(["httponly", "path=/", "samesite=strict", "secure"], ignoreOrder: true);
        Attributes(cookies, "__Host-unv.staff").ShouldBe(["httponly", "path=/", "samesite=lax", "secure"], ignoreOrder: true);
        Attributes(cookies, "__Host-.AspNetCore.Culture").ShouldBe(["httponly", "path=/", "samesite=lax", "secure"], ignoreOrder: true);
    }

    [Theory, BothProviders]
    public async Task Without_https_only_the_cookies_keep_their_plain_names_and_are_secure_only_over_https(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, new Dictionary<string, string> { ["Cookies:HttpsOnly"] = "false" });
        await app.CreateUserAsync(StaffRole.Editor);
        using var plain = app.Factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        using var https = app.Factory.CreateClient(new() { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false, HandleCookies = false });

        var overHttp = await SetCookiesOfASignInAsync(plain);
        var overHttps = await SetCookiesOfASignInAsync(https);

        Attributes(overHttp, "unv.staff").ShouldBe(["httponly", "path=/", "samesite=lax"], ignoreOrder: true);
        Attributes(overHttp, "unv.antiforgery").ShouldBe(["httponly", "path=/", "samesite=strict"], ignoreOrder: true);
        Attributes(overHttp, ".AspNetCore.Culture").ShouldBe(["httponly", "path=/", "samesite=lax"], ignoreOrder: true);
        Attributes(overHttps, "unv.staff").ShouldContain("secure");
        Attributes(overHttps, "unv.antiforgery").ShouldContain("secure");
        Attributes(overHttps, ".AspNetCore.Culture").ShouldContain("secure");
    }

    [Theory, BothProviders]
    public async Task The_TempData_cookie_follows_the_same_policy(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, new Dictionary<string, string> { ["Cookies:HttpsOnly"] = "true" });
        await app.CreateUserAsync(StaffRole.Editor);
        using var client = new StaffBrowser(app.Factory.CreateClient(new() { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false, HandleCookies = true }), app.Url);
        (await client.SignInAsync(StaffAccounts.EmailFor(StaffRole.Editor), StaffAccounts.Password)).StatusCode.ShouldBe(System.Net.HttpStatusCode.Redirect);

        // A changed password leaves its message for the next page in TempData.
        using var changed = await client.PostFormAsync("/account/password", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = StaffAccounts.Password,
            ["Input.NewPassword"] = "a brand new passphrase for me",
            ["Input.ConfirmPassword"] = "a brand new passphrase for me",
        });

        changed.StatusCode.ShouldBe(System.Net.HttpStatusCode.Redirect);
        Attributes(SetCookies(changed).ToList(), "__Host-unv.tempdata").ShouldBe(["httponly", "path=/", "samesite=strict", "secure"], ignoreOrder: true);
    }

    [Theory]
    [InlineData("Production", null, true)]
    [InlineData("Staging", null, true)]
    [InlineData("Development", null, false)]
    [InlineData("Production", "false", false)]
    [InlineData("Development", "true", true)]
    public void Https_only_is_the_default_outside_development(string environment, string? setting, bool httpsOnly)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(setting is null ? [] : [new("Cookies:HttpsOnly", setting)])
            .Build();

        var cookies = SiteCookies.From(configuration, new HostingEnvironment { EnvironmentName = environment });

        cookies.HttpsOnly.ShouldBe(httpsOnly);
        cookies.Staff.StartsWith("__Host-", StringComparison.Ordinal).ShouldBe(httpsOnly);
    }

    /// <summary>
    /// The Set-Cookie headers of a visit that chooses Chinese, opens the sign-in form and signs
    /// in, with the cookies carried by hand (HttpClient would not send Secure ones back over HTTP).
    /// </summary>
    private static async Task<List<string>> SetCookiesOfASignInAsync(HttpClient client)
    {
        var seen = new List<string>();
        using var chosen = await client.GetAsync("/?culture=zh-Hans");
        seen.AddRange(SetCookies(chosen));
        using var form = await client.GetAsync("/account/sign-in?culture=en");
        seen.AddRange(SetCookies(form));
        var page = await Html.ParseAsync(form);
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var post = new HttpRequestMessage(HttpMethod.Post, "/account/sign-in")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.Email"] = StaffAccounts.EmailFor(StaffRole.Editor),
                ["Input.Password"] = StaffAccounts.Password,
                ["__RequestVerificationToken"] = token,
            }),
        };
        post.Headers.Add("Cookie", string.Join("; ", SetCookies(form).Select(c => c[..c.IndexOf(';', StringComparison.Ordinal)])));
        using var signedIn = await client.SendAsync(post);
        ((int)signedIn.StatusCode).ShouldBe(302, await signedIn.Content.ReadAsStringAsync());
        seen.AddRange(SetCookies(signedIn));
        return seen;
    }

    private static IEnumerable<string> SetCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values.ToList() : [];

    /// <summary>The attributes of the named cookie's last Set-Cookie, lower case, without expiry dates (which vary).</summary>
    private static List<string> Attributes(List<string> setCookies, string name)
    {
        var header = setCookies.LastOrDefault(c => c.StartsWith(name + "=", StringComparison.Ordinal))
            ?? throw new ShouldAssertException($"No Set-Cookie for {name} among: {string.Join(" | ", setCookies.Select(c => c.Split('=')[0]))}");
        return header.Split(';', StringSplitOptions.TrimEntries).Skip(1)
            .Select(a => a.ToLowerInvariant())
            .Where(a => !a.StartsWith("expires=", StringComparison.Ordinal) && !a.StartsWith("max-age=", StringComparison.Ordinal))
            .ToList();
    }
}
