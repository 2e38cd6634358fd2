using System.Net;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using UnvReporting.Web.Features.Staff.Years.Import;
using UnvReporting.Web.Tests.Support;

namespace UnvReporting.Web.Tests.Features.Staff;

/// <summary>What the staff page tests check again and again: a refusal, a sign-in redirect, the fields a form would post.</summary>
internal static class StaffPages
{
    /// <summary>A refusal is a 403 with the friendly "Not allowed" page, at the address that was asked for.</summary>
    public static async Task ShouldBeForbiddenAsync(this HttpResponseMessage response, string? what = null)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden, what ?? await response.Content.ReadAsStringAsync());
        (await Html.ParseAsync(response)).QuerySelector("h1")!.Text().ShouldBe("Not allowed", customMessage: what);
    }

    public static void ShouldGoToSignIn(this HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Location().ShouldNotBeNull().ShouldContain("/account/sign-in");
    }

    /// <summary>The fields the page's form would post as it stands (without its antiforgery token, which PostFormAsync adds).</summary>
    public static Dictionary<string, string> FieldsOf(IDocument page, string selector = "form[method=post]")
    {
        var fields = new Dictionary<string, string>();
        foreach (var element in page.Form(selector).QuerySelectorAll("input[name], select[name], textarea[name]"))
        {
            var name = element.GetAttribute("name")!;
            switch (element)
            {
                case IHtmlInputElement { Type: "checkbox" } box when !box.IsChecked:
                case IHtmlInputElement when name == "__RequestVerificationToken":
                    continue;
                case IHtmlInputElement input:
                    fields[name] = input.Value;
                    break;
                case IHtmlSelectElement select:
                    fields[name] = select.Value ?? string.Empty;
                    break;
                case IHtmlTextAreaElement textArea:
                    fields[name] = textArea.Value;
                    break;
            }
        }

        return fields;
    }

    /// <summary>The page a post answered with (a form shown again with its messages).</summary>
    public static async Task<IDocument> DocumentAsync(this HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        return await AngleSharp.BrowsingContext.New().OpenAsync(r => r.Content(body));
    }

    /// <summary>The message shown next to a field (its aria-describedby error element).</summary>
    public static string ErrorFor(this IDocument page, string errorId) =>
        page.QuerySelector($"#{errorId}")?.Text() ?? throw new InvalidOperationException($"No #{errorId} on the page.");
}
