using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Http;
using UnvReporting.Testing;
using UnvReporting.Web.Platform.Data;
using UnvReporting.Web.Tests.Support;

namespace UnvReporting.Web.Tests.Platform.Text;

/// <summary>
/// The language switcher's links (Platform/Text/LanguageLinks): the page asked for, in another
/// language, with an address built from its route, never copied from the request (issue 18, item 6).
/// </summary>
public class LanguageLinksTests
{
    [Theory]
    [InlineData("//evil.example/x")]
    [InlineData("/\\evil.example")]
    [InlineData("/\\/evil.example/x")]
    [InlineData("//evil.example/indicators/2021")]
    public async Task A_not_found_page_links_to_this_site_only(string path)
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite);

        // Sent as the raw path: HttpClient would read "//evil.example" as another host.
        var context = await app.Factory.Server.SendAsync(c =>
        {
            c.Request.Method = HttpMethods.Get;
            c.Request.Path = path;
        });
        using var reader = new StreamReader(context.Response.Body);
        var html = await reader.ReadToEndAsync();

        context.Response.StatusCode.ShouldBe(404, html);
        var links = new HtmlParser().ParseDocument(html).QuerySelectorAll("a[data-culture]").Select(a => a.GetAttribute("href")!).ToList();
        links.Count.ShouldBe(2, html);
        foreach (var href in links)
        {
            href.ShouldStartWith("/", customMessage: href);
            href.ShouldNotStartWith("//", customMessage: href);
            href.ShouldNotContain("\\", customMessage: href);
            href.ShouldNotContain("evil.example", customMessage: href);
        }
    }

    [Theory]
    [InlineData("/indicators/2030", "/indicators/2030?culture=zh-Hans")]
    [InlineData("/indicators/2021/9.9?rating=green", "/indicators/2021/9.9?culture=zh-Hans")]
    public async Task A_page_that_found_nothing_links_to_itself_in_the_other_language(string path, string expected)
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite);

        var page = await app.Client.GetDocumentAsync(path, expectedStatus: 404);

        page.QuerySelector("a[data-culture='zh-Hans']")!.GetAttribute("href").ShouldBe(expected);
    }

    [Fact]
    public async Task A_cached_page_keeps_only_the_query_keys_it_reads()
    {
        // A cached copy is served to every later visitor: a key it does not read would be whatever
        // the first one sent.
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite);

        var page = await app.Client.GetDocumentAsync("/indicators/2019?rating=yellow&z=%22%3E%3Cscript%3E");

        page.QuerySelector("a[data-culture='zh-Hans']")!.GetAttribute("href").ShouldBe("/indicators/2019?rating=yellow&culture=zh-Hans");
    }
}
