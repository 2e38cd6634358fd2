using System.Net;
using UnvReporting.Domain.Staff;
using UnvReporting.Testing;
using UnvReporting.Web.Platform.Data;
using UnvReporting.Web.Tests.Features.Staff;
using UnvReporting.Web.Tests.Support;

namespace UnvReporting.Web.Tests.Features.Admin;

/// <summary>Every Admin page is for Admins only: other roles are refused on GET and POST, visitors are sent to sign in.</summary>
public class AccessTests
{
    private static string[] Pages(AppUrls url) =>
    [
        url.Users,
        url.NewUser,
        url.Frameworks,
        url.Framework("2018-2021"),
        url.Areas("2018-2021"),
        url.FrameworkIndicators("2018-2021"),
        url.FrameworkImport("2018-2021"),
        url.Page("/Admin/Frameworks/Start", new { code = "2022-2025" }),
        url.Definitions(2019),
        url.Audit(),
    ];

    [Theory, BothProviders]
    public async Task Viewers_editors_and_approvers_are_refused_every_admin_page(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        foreach (var role in new[] { StaffRole.Viewer, StaffRole.Editor, StaffRole.Approver })
        {
            using var client = await app.SignedInAsync(role);
            var token = await client.AntiforgeryTokenAsync("/");
            foreach (var page in Pages(app.Url))
            {
                await (await client.GetAsync(page)).ShouldBeForbiddenAsync($"{role} GET {page}");
                var post = await client.PostAsync(page, new FormUrlEncodedContent(new Dictionary<string, string> { [HtmlForms.AntiforgeryField] = token }));
                await post.ShouldBeForbiddenAsync($"{role} POST {page}");
            }
        }
    }

    [Theory, BothProviders]
    public async Task Visitors_are_sent_to_sign_in(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var client = app.Visitor();
        foreach (var page in Pages(app.Url))
        {
            var response = await client.GetAsync(page);

            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, page);
            response.Location()!.ShouldContain(app.Url.SignIn, customMessage: page);
            var post = await client.PostAsync(page, new FormUrlEncodedContent([]));
            post.StatusCode.ShouldBe(HttpStatusCode.Redirect, page);
            post.Location()!.ShouldContain(app.Url.SignIn, customMessage: page);
        }
    }

    [Theory, BothProviders]
    public async Task Admins_open_every_admin_page(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var client = await app.SignedInAsync(StaffRole.Admin);
        foreach (var page in Pages(app.Url))
        {
            await client.GetDocumentAsync(page);
        }
    }
}
