using System.Net;
using UnvReporting.Testing;

namespace UnvReporting.Web.Tests.Support;

/// <summary>What tests check of an answer again and again: where it redirects, a refusal, the way to sign in.</summary>
public static class Responses
{
    public static string? Location(this HttpResponseMessage response) => response.Headers.Location?.OriginalString;

    /// <summary>A redirect (302) to exactly this address.</summary>
    public static void ShouldRedirectTo(this HttpResponseMessage response, string path)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Location().ShouldBe(path);
    }

    /// <summary>Sent to the sign-in page (with the address to come back to).</summary>
    public static void ShouldGoToSignIn(this HttpResponseMessage response, AppUrls url, string? what = null)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, what);
        response.Location().ShouldNotBeNull(what).ShouldContain(url.SignIn, customMessage: what);
    }

    /// <summary>Whether the answer sends the browser to the sign-in page.</summary>
    public static bool GoesToSignIn(this HttpResponseMessage response, AppUrls url) =>
        response.StatusCode == HttpStatusCode.Redirect && response.Location()?.Contains(url.SignIn, StringComparison.Ordinal) == true;

    /// <summary>A refusal is a 403 with the friendly "Not allowed" page, at the address that was asked for.</summary>
    public static async Task ShouldBeForbiddenAsync(this HttpResponseMessage response, string? what = null)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden, what ?? await response.Content.ReadAsStringAsync());
        (await Html.ParseAsync(response)).QuerySelector("h1")!.Text().ShouldBe("Not allowed", customMessage: what);
    }
}
