using Microsoft.Playwright;
using UnvReporting.Testing;
using UnvReporting.Web.Platform.Data;

namespace UnvReporting.BrowserTests.Support;

/// <summary>
/// One test's world: the real app on Kestrel over a database of its own, and a Chromium page
/// looking at it, with every failed request and script error of that page recorded.
/// </summary>
public sealed class AppInBrowser : IAsyncDisposable
{
    private readonly TestDatabase _database;
    private readonly UnvAppFactory _app;
    private readonly IBrowser _browser;

    private AppInBrowser(TestDatabase database, UnvAppFactory app, IBrowser browser, Uri address, IPage page)
    {
        _database = database;
        _app = app;
        _browser = browser;
        Address = address;
        Page = page;
        Failures = new PageFailures(page);
    }

    public Uri Address { get; }

    public IPage Page { get; }

    public PageFailures Failures { get; }

    /// <summary>The app's services, for setting up accounts and data the way the app itself would.</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>The addresses of the staff, admin and account pages, made by the app's own routing.</summary>
    public AppUrls Url => new(_app.Services);

    /// <param name="injectsScripts">
    /// For tests that inject their own tooling (axe-core) into the page: the app's Content Security
    /// Policy would refuse that inline script, so the browser is told to bypass it. The policy
    /// itself is tested with it on (ContentSecurityPolicyTests).
    /// </param>
    public static async Task<AppInBrowser> StartAsync(DatabaseProvider provider, int width = 1280, int height = 900, bool injectsScripts = false)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var app = new UnvAppFactory(database);
        var address = app.StartKestrel();
        var browser = await Browser.LaunchAsync();
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = width, Height = height }, BypassCSP = injectsScripts });
        return new AppInBrowser(database, app, browser, address, page);
    }

    /// <summary>
    /// Another window of the same browser with cookies of its own: one per person when a test
    /// follows several (an Editor, an Approver, a visitor), so each signs in once.
    /// </summary>
    public async Task<IPage> NewWindowAsync(int width = 1280, int height = 900)
    {
        var context = await _browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = height } });
        return await context.NewPageAsync();
    }

    /// <summary>Opens a path of the app and returns the response, which must be a success.</summary>
    public Task<IResponse> OpenAsync(string pathAndQuery, WaitUntilState waitUntil = WaitUntilState.Load) =>
        OpenAsync(Page, pathAndQuery, 200, waitUntil);

    /// <summary>Opens a path of the app in the given window and returns the response, which must have the expected status.</summary>
    public async Task<IResponse> OpenAsync(IPage window, string pathAndQuery, int expectedStatus = 200, WaitUntilState waitUntil = WaitUntilState.Load)
    {
        var response = await window.GotoAsync(new Uri(Address, pathAndQuery).ToString(), new() { WaitUntil = waitUntil })
            ?? throw new InvalidOperationException($"No response for {pathAndQuery}.");
        response.Status.ShouldBe(expectedStatus, $"GET {pathAndQuery}");
        return response;
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        await _app.DisposeAsync();
        await _database.DisposeAsync();
    }
}
