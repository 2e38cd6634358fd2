using System.Net;
using AngleSharp;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using UnvReporting.Domain.Staff;
using UnvReporting.Web.Tests.Support;

namespace UnvReporting.Web.Tests.Features.Admin;

/// <summary>What the Admin page tests share: signing in as a given account, reading a form's answer, finding an account.</summary>
internal static class AdminClient
{
    /// <summary>A client of its own signed in as an account the test created.</summary>
    public static async Task<HttpClient> SignedInAsAsync(this TestApp app, string email, string password = StaffAccounts.Password)
    {
        var client = app.Factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        var response = await client.SignInAsync(email, password);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return client;
    }

    /// <summary>A second Admin, so that the signed-in one is not the last.</summary>
    public static Task AddAnotherAdminAsync(this TestApp app) => app.CreateUserAsync(StaffRole.Admin, "second.admin@unv.test");

    public static async Task<string> AccountIdAsync(this TestApp app, string email)
    {
        await using var scope = app.CreateDbScope();
        return await scope.Db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }

    public static async Task<IDocument> ReadDocumentAsync(this HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        return await BrowsingContext.New(Configuration.Default).OpenAsync(r => r.Content(body));
    }

    /// <summary>The page a redirect leads to, as the browser would show it.</summary>
    public static async Task<IDocument> FollowAsync(this HttpClient client, HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return await client.GetDocumentAsync(response.Location()!);
    }
}
