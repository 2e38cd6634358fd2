using System.Net;
using UnvReporting.Web.Platform.Data;
using UnvReporting.Web.Tests.Support;

namespace UnvReporting.Web.Tests.Features.Export;

public class DownloadLinksTests
{
    [Theory]
    [InlineData("/indicators/2021", new[] { "/export/2021/indicators.csv", "/export/2021/indicators.xlsx", "/export/indicators.xlsx", "/export/2021/board-pack.docx" })]
    [InlineData("/statistics/2021", new[] { "/export/2021/statistics.csv", "/export/2021/statistics.xlsx" })]
    public async Task The_pages_link_to_their_downloads_and_each_link_answers_with_a_file(string page, string[] expected)
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite);

        var links = (await app.Client.GetDocumentAsync(page)).QuerySelectorAll("a.download-link").Select(a => a.GetAttribute("href")!).ToList();

        links.ShouldBe(expected);
        foreach (var link in links)
        {
            using var response = await app.Client.GetAsync(link);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, link);
            response.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment", link);
        }
    }
}
