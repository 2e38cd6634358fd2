using UnvReporting.Testing;
using UnvReporting.Web.Features.Staff.Years.Import;
using UnvReporting.Web.Platform.Data;
using UnvReporting.Web.Tests.Support;

namespace UnvReporting.Web.Tests.Features.Account;

/// <summary>
/// Production (HTTPS-only cookies) served over plain HTTP, as an operator trying the app without
/// TLS first does: the sign-in page explains instead of failing with a 500, the start-up log
/// warns once, and behind a proxy that ends TLS nothing of it shows.
/// </summary>
public class SignInOverPlainHttpTests
{
    private static readonly Dictionary<string, string> HttpsOnly = new() { ["Cookies:HttpsOnly"] = "true" };

    [Fact]
    public async Task The_sign_in_page_explains_that_it_needs_https_instead_of_showing_a_form()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite, HttpsOnly);

        using var response = await app.Client.GetAsync(app.Url.SignIn);

        ((int)response.StatusCode).ShouldBe(200, await response.Content.ReadAsStringAsync());
        var page = await Html.ParseAsync(response);
        page.QuerySelector("#needs-https")!.Text().ShouldContain("Cookies:HttpsOnly is on, but the app sees plain HTTP");
        page.QuerySelector("input[name=__RequestVerificationToken]").ShouldBeNull();
        page.QuerySelector("input[name='Input.Password']").ShouldBeNull();
        response.Headers.Contains("Set-Cookie").ShouldBeFalse();
    }

    [Fact]
    public async Task The_explanation_is_in_Chinese_too()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite, HttpsOnly);

        var page = await app.Client.GetDocumentAsync(app.Url.Page("/Account/SignIn", new { culture = "zh-Hans" }));

        page.QuerySelector("#needs-https")!.Text().ShouldContain("登录需要 HTTPS 连接");
    }

    [Fact]
    public async Task A_sign_in_posted_over_plain_http_is_sent_back_to_the_explanation()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite, HttpsOnly);

        using var response = await app.Client.PostAsync(app.Url.Page("/Account/SignIn", new { ReturnUrl = app.Url.Staff }), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = "someone@unv.test",
            ["Input.Password"] = "a password of some length",
        }));

        ((int)response.StatusCode).ShouldBe(302, await response.Content.ReadAsStringAsync());
        response.Headers.Location!.OriginalString.ShouldBe(app.Url.Page("/Account/SignIn", new { ReturnUrl = app.Url.Staff }));
    }

    [Fact]
    public async Task A_visitor_posting_to_a_staff_page_over_plain_http_is_still_sent_to_sign_in()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite, HttpsOnly);

        using var response = await app.Client.PostAsync(app.Url.Staff, new FormUrlEncodedContent([]));

        ((int)response.StatusCode).ShouldBe(302);
        response.Headers.Location!.OriginalString.ShouldContain(app.Url.SignIn + "?ReturnUrl=");
    }

    [Fact]
    public async Task Over_https_the_form_is_shown()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite, HttpsOnly);
        using var https = app.Factory.CreateClient(new() { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });

        var page = await https.GetDocumentAsync(app.Url.SignIn);

        page.QuerySelector("#needs-https").ShouldBeNull();
        page.QuerySelector("input[name=__RequestVerificationToken]").ShouldNotBeNull();
    }

    [Fact]
    public async Task Behind_a_proxy_that_ends_tls_the_form_is_shown_and_start_up_does_not_warn()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var factory = new UnvAppFactory(database, new Dictionary<string, string>(HttpsOnly)
        {
            ["ForwardedHeaders:Enabled"] = "true",
            ["ForwardedHeaders:KnownNetworks:0"] = "127.0.0.0/8",
            ["ForwardedHeaders:KnownNetworks:1"] = "::1/128",
        });
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = factory.StartKestrel() };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/account/sign-in");
        request.Headers.Add("X-Forwarded-Proto", "https");

        var page = await client.GetDocumentAsync(request);

        page.QuerySelector("#needs-https").ShouldBeNull();
        page.QuerySelector("input[name=__RequestVerificationToken]").ShouldNotBeNull();
        PlainHttpWarnings(database).ShouldBeEmpty();
    }

    [Fact]
    public async Task Listening_on_plain_http_only_start_up_warns_once_naming_the_setting()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var factory = new UnvAppFactory(database, HttpsOnly);

        factory.StartKestrel();

        PlainHttpWarnings(database).Count.ShouldBe(1);
    }

    private static List<string> PlainHttpWarnings(TestDatabase database) =>
        LogFile.ReadLines(database.DataFolder)
            .Where(l => l.Contains("Cookies:HttpsOnly is on, but the app listens on plain HTTP only", StringComparison.Ordinal))
            .ToList();
}
