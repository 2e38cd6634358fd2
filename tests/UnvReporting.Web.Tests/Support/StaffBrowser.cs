using System.Net;
using AngleSharp.Dom;
using UnvReporting.Domain.Staff;
using UnvReporting.Testing;

namespace UnvReporting.Web.Tests.Support;

/// <summary>
/// One person's browser on the app: its own cookies, redirects shown rather than followed,
/// pages parsed with <see cref="Html"/>, forms posted as a browser posts them, with their
/// antiforgery token. It signs in through the real sign-in page.
/// </summary>
public sealed class StaffBrowser : IDisposable
{
    /// <summary>A browser over a client the test set up itself (one cookie jar for two instances, say).</summary>
    public StaffBrowser(HttpClient client, AppUrls url)
    {
        Client = client;
        Url = url;
    }

    /// <summary>The underlying client, for what only it offers (JSON, downloads).</summary>
    public HttpClient Client { get; }

    public AppUrls Url { get; }

    /// <summary>A browser of its own that has not signed in; over HTTPS when given such an address.</summary>
    public static StaffBrowser Open(UnvAppFactory app, Uri? baseAddress = null) =>
        new(app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = baseAddress ?? new Uri("http://localhost") }), new AppUrls(app.Services));

    /// <summary>A browser signed in as an account that exists.</summary>
    public static async Task<StaffBrowser> SignedInAsync(UnvAppFactory app, string email, string password = StaffAccounts.Password)
    {
        var browser = Open(app);
        var response = await browser.SignInAsync(email, password);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return browser;
    }

    /// <summary>Fills in and sends the sign-in form; the answer is a redirect when it worked.</summary>
    public Task<HttpResponseMessage> SignInAsync(string email, string password) =>
        PostFormAsync(Url.SignIn, new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });

    public Task<HttpResponseMessage> GetAsync(string path) => Client.GetAsync(path);

    public Task<HttpResponseMessage> SendAsync(HttpRequestMessage request) => Client.SendAsync(request);

    /// <summary>Posts exactly this content: no token added, nothing read from a page.</summary>
    public Task<HttpResponseMessage> PostAsync(string path, HttpContent content) => Client.PostAsync(path, content);

    /// <summary>Fetches a page and parses it, failing with the body when the status is not the expected one.</summary>
    public Task<IDocument> GetDocumentAsync(string path, int expectedStatus = 200) => Client.GetDocumentAsync(path, expectedStatus);

    /// <summary>The page a redirect leads to, as the browser would show it.</summary>
    public async Task<IDocument> FollowAsync(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return await GetDocumentAsync(response.Location()!);
    }

    /// <summary>The antiforgery token a page hands this browser.</summary>
    public async Task<string> AntiforgeryTokenAsync(string pagePath) => (await GetDocumentAsync(pagePath)).AntiforgeryToken();

    /// <summary>
    /// Posts fields a test chose, as a browser would post a form holding them: with the
    /// antiforgery token of the page at <paramref name="pagePath"/> (by default the page posted to).
    /// </summary>
    public async Task<HttpResponseMessage> PostFormAsync(string path, IReadOnlyDictionary<string, string> fields, string? pagePath = null)
    {
        var token = await AntiforgeryTokenAsync(pagePath ?? path);
        var content = new FormUrlEncodedContent(fields.Where(f => f.Key != HtmlForms.AntiforgeryField).Append(new(HtmlForms.AntiforgeryField, token)));
        return await Client.PostAsync(path, content);
    }

    /// <summary>
    /// Sends a form of the page as it stands, with <paramref name="changes"/> typed over its fields
    /// (a field the form lacks is added), to the address the form posts to.
    /// </summary>
    public Task<HttpResponseMessage> SubmitAsync(IDocument page, string selector = "form[method=post]", Dictionary<string, string>? changes = null)
    {
        var form = page.Form(selector);
        var fields = form.Fields();
        foreach (var (name, value) in changes ?? new Dictionary<string, string>())
        {
            fields[name] = value;
        }

        return Client.PostAsync(form.Action(), new FormUrlEncodedContent(fields));
    }

    public void Dispose() => Client.Dispose();
}
