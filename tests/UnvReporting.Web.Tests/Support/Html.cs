using AngleSharp;
using AngleSharp.Dom;

namespace UnvReporting.Web.Tests.Support;

public static class Html
{
    /// <summary>Fetches a page and parses it, failing with the body when the status is not the expected one.</summary>
    public static Task<IDocument> GetDocumentAsync(this HttpClient client, string path, int expectedStatus = 200) =>
        client.GetDocumentAsync(new HttpRequestMessage(HttpMethod.Get, path), expectedStatus);

    /// <summary>Sends a request (one with its own headers, say) and parses the page it gets back.</summary>
    public static async Task<IDocument> GetDocumentAsync(this HttpClient client, HttpRequestMessage request, int expectedStatus = 200)
    {
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        ((int)response.StatusCode).ShouldBe(expectedStatus, body);
        var context = BrowsingContext.New(Configuration.Default);
        return await context.OpenAsync(virtualResponse => virtualResponse.Content(body));
    }

    /// <summary>Parses the page a response carries (a form posted back with its messages, say).</summary>
    public static async Task<IDocument> ParseAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        var context = BrowsingContext.New(Configuration.Default);
        return await context.OpenAsync(virtualResponse => virtualResponse.Content(body));
    }

    public static string Text(this IElement element) =>
        string.Join(' ', element.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
