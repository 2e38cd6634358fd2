using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using UnvReporting.Testing;
using UnvReporting.Web.Features.Api;
using UnvReporting.Web.Features.Staff.Years.Import;
using UnvReporting.Web.Platform.Data;
using UnvReporting.Web.Platform.Security;
using UnvReporting.Web.Tests.Support;

namespace UnvReporting.Web.Tests.Features.Api;

/// <summary>
/// The API reference page (docs/api.md) is made of the site's own files: no inline script or
/// style for the Content-Security-Policy to refuse, and Scalar's bundle served by the app. That it
/// renders under the policy is the browser tests' business (ApiReferencePageTests).
/// </summary>
public class ApiReferenceTests
{
    [Theory, BothProviders]
    public async Task The_page_loads_only_files_of_the_site_and_no_inline_script_or_style(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);

        var page = await app.Client.GetDocumentAsync(ApiReference.Path);

        page.DocumentElement.GetAttribute("lang").ShouldBe("en");
        page.Title.ShouldBe("API reference · UNV Results Dashboard");
        var scripts = page.QuerySelectorAll("script").Select(s => s.GetAttribute("src")).ToList();
        scripts.ShouldAllBe(src => src != null && src.StartsWith('/'));
        scripts.Count(src => src!.StartsWith(ApiReference.BundlePath + "?v=", StringComparison.Ordinal)).ShouldBe(1);
        page.QuerySelectorAll("link[href]").Select(l => l.GetAttribute("href")!).ShouldAllBe(href => href.StartsWith('/'));
        page.QuerySelectorAll("style, [style]").ShouldBeEmpty();
        page.QuerySelector("#reference")!.GetAttribute("data-openapi").ShouldBe(ApiDocument.Path);
        page.QuerySelector("#reference")!.ChildNodes.ShouldBeEmpty("Scalar renders into an empty element");
    }

    [Fact]
    public async Task The_bundle_is_Scalar_s_from_the_package_gzipped_for_browsers_and_kept_a_year_at_its_versioned_address()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite);
        var page = await app.Client.GetDocumentAsync(ApiReference.Path);
        var address = page.QuerySelectorAll("script").Select(s => s.GetAttribute("src")!).Single(src => src.StartsWith(ApiReference.BundlePath, StringComparison.Ordinal));
        using var request = new HttpRequestMessage(HttpMethod.Get, address);
        request.Headers.AcceptEncoding.ParseAdd("gzip, deflate, br");

        using var response = await app.Client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/javascript");
        response.Content.Headers.ContentEncoding.ShouldBe(["gzip"]);
        response.Headers.CacheControl!.ToString().ShouldBe("public, max-age=31536000, immutable");
        response.Headers.GetValues("Content-Security-Policy").Single().ShouldBe(SecurityHeaders.ContentSecurityPolicy);
        await using var gzip = new GZipStream(await response.Content.ReadAsStreamAsync(), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        var script = await reader.ReadToEndAsync();
        script.ShouldContain("createApiReference");
        script.Length.ShouldBeGreaterThan(1_000_000);

        // Revalidation costs nothing, and a client that takes no gzip gets the same script unpacked.
        using var again = new HttpRequestMessage(HttpMethod.Get, address);
        again.Headers.IfNoneMatch.Add(response.Headers.ETag!);
        (await app.Client.SendAsync(again)).StatusCode.ShouldBe(HttpStatusCode.NotModified);
        (await app.Client.GetStringAsync(address)).ShouldBe(script);
    }

    [Fact]
    public async Task The_bundle_at_an_address_without_its_version_is_checked_every_time()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite);

        using var response = await app.Client.GetAsync(ApiReference.BundlePath + "?v=an-older-one");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.CacheControl.ShouldBe(new CacheControlHeaderValue { NoCache = true });
    }

    [Theory, BothProviders]
    public async Task Every_page_links_to_the_reference_in_its_footer(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);

        foreach (var (address, text) in new[] { ("/", "API reference"), ("/indicators/2021?culture=zh-Hans", "API 参考") })
        {
            var link = (await app.Client.GetDocumentAsync(address)).QuerySelectorAll("footer a").Single(a => a.GetAttribute("href") == ApiReference.Path);
            link.Text().ShouldBe(text, address);
            link.GetAttribute("hreflang").ShouldBe("en");
        }
    }
}
