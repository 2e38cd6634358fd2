using System.Net;
using AngleSharp.Dom;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using UnvReporting.Domain.Staff;
using UnvReporting.Web.Platform.Data;

namespace UnvReporting.Web.Tests.Support;

/// <summary>Staff accounts for tests: create one with a role, sign in through the real sign-in page, post forms with their antiforgery token.</summary>
public static class StaffAccounts
{
    public const string Password = "correct horse battery staple";

    public static string EmailFor(StaffRole role) => $"{role.ToString().ToLowerInvariant()}@unv.test";

    /// <summary>Creates an account with the role (through Identity, as the Admin pages do).</summary>
    public static async Task<StaffUser> CreateUserAsync(this TestApp app, StaffRole role, string? email = null, string password = Password)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var address = email ?? EmailFor(role);
        var user = new StaffUser { UserName = address, Email = address, EmailConfirmed = true, CreatedAt = DateTimeOffset.UtcNow };
        var created = await users.CreateAsync(user, password);
        created.Succeeded.ShouldBeTrue(string.Join(" ", created.Errors.Select(e => e.Description)));
        (await users.AddToRoleAsync(user, role.ToString())).Succeeded.ShouldBeTrue();
        return user;
    }

    /// <summary>A client of its own (with cookies) signed in as a new account of the role; null role gives an anonymous client.</summary>
    public static async Task<HttpClient> ClientAsAsync(this TestApp app, StaffRole? role)
    {
        var client = app.Factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        if (role is { } r)
        {
            await app.CreateUserAsync(r);
            var response = await client.SignInAsync(EmailFor(r), Password);
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        }

        return client;
    }

    public static Task<HttpResponseMessage> SignInAsync(this HttpClient client, string email, string password) =>
        client.PostFormAsync("/account/sign-in", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });

    /// <summary>
    /// Posts a form as a browser would: reads the antiforgery token from the page at
    /// <paramref name="pagePath"/> (default: the post address) and sends it with the fields.
    /// </summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string path, IReadOnlyDictionary<string, string> fields, string? pagePath = null)
    {
        var token = await AntiforgeryTokenAsync(client, pagePath ?? path);
        var content = new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token)));
        return await client.PostAsync(path, content);
    }

    public static async Task<string> AntiforgeryTokenAsync(this HttpClient client, string pagePath)
    {
        var page = await client.GetDocumentAsync(pagePath);
        return page.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"{pagePath} has no form with an antiforgery token.");
    }

    public static string? Location(this HttpResponseMessage response) => response.Headers.Location?.OriginalString;

    public static IElement Form(this IDocument page, string selector = "form[method=post]") =>
        page.QuerySelector(selector) ?? throw new InvalidOperationException($"No {selector} on the page.");
}
