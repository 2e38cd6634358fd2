using AngleSharp;
using AngleSharp.Dom;

namespace UnvReporting.Web.Tests.Support;

/// <summary>
/// The tests' one HTML parser (AngleSharp). A parsed page keeps the address it was read from, so
/// its forms and links resolve as in a browser.
/// </summary>
public static class Html
{
    /// <summary>Fetches a page and parses it, failing with the body when the status is not the expected one.</summary>
    public static Task<IDocument> GetDocumentAsync(this HttpClient client, string path, int expectedStatus = 200) =>
        client.GetDocumentAsync(new HttpRequestMessage(HttpMethod.Get, path), expectedStatus);

    /// <summary>Sends a request (one with its own headers, say) and parses the page it gets back.</summary>
    public static async Task<IDocument> GetDocumentAsync(this HttpClient client, HttpRequestMessage request, int expectedStatus = 200)
    {
        using var response = await client.SendAsync(request);
        return await response.DocumentAsync(expectedStatus);
    }

    /// <summary>The page a response carries, which must come with the expected status (a form shown again with its messages is a 200).</summary>
    public static async Task<IDocument> DocumentAsync(this HttpResponseMessage response, int expectedStatus = 200)
    {
        var body = await response.Content.ReadAsStringAsync();
        ((int)response.StatusCode).ShouldBe(expectedStatus, body);
        return await ParseAsync(body, response.RequestMessage?.RequestUri);
    }

    /// <summary>Parses whatever page a response carries, whatever its status (the bad-input corpus looks at every answer).</summary>
    public static async Task<IDocument> ParseAsync(HttpResponseMessage response) =>
        await ParseAsync(await response.Content.ReadAsStringAsync(), response.RequestMessage?.RequestUri);

    public static Task<IDocument> ParseAsync(string html, Uri? address = null) =>
        BrowsingContext.New(Configuration.Default).OpenAsync(virtualResponse =>
        {
            virtualResponse.Content(html);
            if (address is not null)
            {
                virtualResponse.Address(address);
            }
        });

    /// <summary>An element's text as a reader sees it: runs of white space as one space.</summary>
    public static string Text(this IElement element) =>
        string.Join(' ', element.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
