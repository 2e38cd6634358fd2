using System.Net;
using System.Net.Http.Headers;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UnvReporting.Domain.Staff;
using UnvReporting.Web.Platform.Data;
using UnvReporting.Web.Tests.Support;

namespace UnvReporting.Web.Tests.Platform.Security;

/// <summary>
/// Every staff page handler and every API and export endpoint, tried by a visitor and by each role. The table
/// names the lowest role each one admits (null: everyone); a handler or endpoint missing from it,
/// or listed but gone, fails <see cref="The_table_lists_every_staff_handler_and_api_endpoint"/>,
/// so a new one cannot ship without a decision about who may reach it.
/// </summary>
public class RoleMatrixTests
{
    private static readonly Dictionary<string, StaffRole?> LowestRole = new()
    {
        ["GET /account/sign-in"] = null,
        ["POST /account/sign-in"] = null,
        ["GET /account/password"] = StaffRole.Viewer,
        ["POST /account/password"] = StaffRole.Viewer,
        ["GET /account/sign-out"] = StaffRole.Viewer,
        ["POST /account/sign-out"] = StaffRole.Viewer,

        ["GET /staff"] = StaffRole.Viewer,
        ["POST /staff?handler=Submit"] = StaffRole.Editor,
        ["POST /staff?handler=Publish"] = StaffRole.Approver,
        ["POST /staff?handler=Return"] = StaffRole.Approver,
        ["POST /staff?handler=Withdraw"] = StaffRole.Approver,
        ["POST /staff?handler=Delete"] = StaffRole.Admin,
        ["GET /staff/years/new"] = StaffRole.Editor,
        ["POST /staff/years/new"] = StaffRole.Editor,
        ["GET /staff/years/{year:int}"] = StaffRole.Viewer,
        ["GET /staff/years/{year:int}?handler=Score"] = StaffRole.Viewer,
        ["POST /staff/years/{year:int}"] = StaffRole.Editor,
        ["GET /staff/years/{year:int}/statistics"] = StaffRole.Viewer,
        ["GET /staff/years/{year:int}/statistics/new"] = StaffRole.Editor,
        ["POST /staff/years/{year:int}/statistics/new"] = StaffRole.Editor,
        ["GET /staff/years/{year:int}/statistics/{id:long}/edit"] = StaffRole.Editor,
        ["POST /staff/years/{year:int}/statistics/{id:long}/edit"] = StaffRole.Editor,
        ["GET /staff/years/{year:int}/statistics/{id:long}/delete"] = StaffRole.Editor,
        ["POST /staff/years/{year:int}/statistics/{id:long}/delete"] = StaffRole.Editor,
        ["GET /staff/years/{year:int}/import"] = StaffRole.Editor,
        ["POST /staff/years/{year:int}/import?handler=Upload"] = StaffRole.Editor,
        ["GET /staff/years/{year:int}/import/{id:guid}"] = StaffRole.Editor,
        ["POST /staff/years/{year:int}/import/{id:guid}?handler=Confirm"] = StaffRole.Editor,
        ["POST /staff/years/{year:int}/import/{id:guid}?handler=Discard"] = StaffRole.Editor,
        ["GET /staff/years/{year:int}/import/template.{format}"] = StaffRole.Editor,

        ["GET /admin/users"] = StaffRole.Admin,
        ["POST /admin/users?handler=Role"] = StaffRole.Admin,
        ["POST /admin/users?handler=Disable"] = StaffRole.Admin,
        ["POST /admin/users?handler=Unlock"] = StaffRole.Admin,
        ["GET /admin/users/new"] = StaffRole.Admin,
        ["POST /admin/users/new"] = StaffRole.Admin,
        ["GET /admin/frameworks"] = StaffRole.Admin,
        ["POST /admin/frameworks"] = StaffRole.Admin,
        ["GET /admin/frameworks/{code}"] = StaffRole.Admin,
        ["POST /admin/frameworks/{code}"] = StaffRole.Admin,
        ["GET /admin/frameworks/{code}/areas"] = StaffRole.Admin,
        ["POST /admin/frameworks/{code}/areas?handler=Add"] = StaffRole.Admin,
        ["POST /admin/frameworks/{code}/areas?handler=Rename"] = StaffRole.Admin,
        ["GET /admin/frameworks/{code}/indicators"] = StaffRole.Admin,
        ["POST /admin/frameworks/{code}/indicators?handler=Add"] = StaffRole.Admin,
        ["POST /admin/frameworks/{code}/indicators?handler=Move"] = StaffRole.Admin,
        ["GET /admin/frameworks/{code}/import"] = StaffRole.Admin,
        ["POST /admin/frameworks/{code}/import?handler=Upload"] = StaffRole.Admin,
        ["GET /admin/frameworks/{code}/import/{id:guid}"] = StaffRole.Admin,
        ["POST /admin/frameworks/{code}/import/{id:guid}?handler=Confirm"] = StaffRole.Admin,
        ["POST /admin/frameworks/{code}/import/{id:guid}?handler=Discard"] = StaffRole.Admin,
        ["GET /admin/frameworks/{code}/template.{format}"] = StaffRole.Admin,
        ["GET /admin/frameworks/{code}/start"] = StaffRole.Admin,
        ["POST /admin/frameworks/{code}/start"] = StaffRole.Admin,
        ["GET /admin/years/{year:int}/definitions"] = StaffRole.Admin,
        ["POST /admin/years/{year:int}/definitions?handler=Redefine"] = StaffRole.Admin,
        ["POST /admin/years/{year:int}/definitions?handler=Add"] = StaffRole.Admin,
        ["GET /admin/audit"] = StaffRole.Admin,

        ["GET /api/v1/years"] = null,
        ["GET /api/v1/years/{year}/summary"] = null,
        ["GET /api/v1/years/{year}/indicators"] = null,
        ["GET /api/v1/years/{year}/indicators/{key}"] = null,
        ["GET /api/v1/indicators/{key}"] = null,
        ["GET /api/v1/frameworks"] = null,
        ["GET /api/v1/frameworks/{code}"] = null,
        ["GET /api/v1/years/{year}/statistics"] = null,
        ["GET /api/v1/statistics/{metric}"] = null,
        ["POST /api/v1/auth/token"] = null,
        ["GET /api/reference/scalar.js"] = null,
        ["GET /export/{year}/indicators.csv"] = null,
        ["GET /export/{year}/indicators.xlsx"] = null,
        ["GET /export/{year}/statistics.csv"] = null,
        ["GET /export/{year}/statistics.xlsx"] = null,
        ["GET /export/{year}/board-pack.docx"] = null,
        ["GET /export/indicators.xlsx"] = null,
        ["GET /export/frameworks/{code}.csv"] = null,
        ["GET /export/frameworks/{code}.xlsx"] = null,
        ["GET /export/statistics.csv"] = null,
        ["PUT /api/v1/years/{year}/indicators/{key}"] = StaffRole.Editor,
        ["GET /api/v1/years/{year}/indicators/{key}/history"] = StaffRole.Viewer,
    };

    [Fact]
    public async Task The_table_lists_every_staff_handler_and_api_endpoint()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite);

        var found = Handlers(app).ToHashSet();

        found.Except(LowestRole.Keys).ShouldBeEmpty("handlers or endpoints nobody decided the roles of");
        LowestRole.Keys.Except(found).ShouldBeEmpty("listed, but no longer in the app");
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite, null)]
    [InlineData(DatabaseProvider.Sqlite, StaffRole.Viewer)]
    [InlineData(DatabaseProvider.Sqlite, StaffRole.Editor)]
    [InlineData(DatabaseProvider.Sqlite, StaffRole.Approver)]
    [InlineData(DatabaseProvider.Sqlite, StaffRole.Admin)]
    [InlineData(DatabaseProvider.Postgres, null)]
    [InlineData(DatabaseProvider.Postgres, StaffRole.Viewer)]
    [InlineData(DatabaseProvider.Postgres, StaffRole.Editor)]
    [InlineData(DatabaseProvider.Postgres, StaffRole.Approver)]
    [InlineData(DatabaseProvider.Postgres, StaffRole.Admin)]
    public async Task Each_handler_admits_exactly_the_roles_the_table_names(DatabaseProvider provider, StaffRole? role)
    {
        await using var app = await TestApp.StartAsync(provider);
        await DraftYear.AddAsync(app);
        long factId;
        await using (var scope = app.CreateDbScope())
        {
            factId = await scope.Db.StatisticFacts.Where(f => f.Year == DraftYear.Year).Select(f => f.Id).FirstAsync();
        }

        using var client = role is { } signedIn ? await app.SignedInAsync(signedIn) : app.Visitor();
        var token = role is null ? null : await TokenAsync(app);
        var antiforgery = await client.AntiforgeryTokenAsync(role is null ? "/account/sign-in" : "/staff");
        var wrong = new List<string>();

        // Signing out last: it ends the session the other requests ride on.
        foreach (var (handler, lowest) in LowestRole.OrderBy(h => h.Key.Contains("sign-out", StringComparison.Ordinal)))
        {
            var address = Fill(handler[(handler.IndexOf(' ', StringComparison.Ordinal) + 1)..], factId);
            var method = handler[..handler.IndexOf(' ', StringComparison.Ordinal)];
            using var response = address.StartsWith("/api/", StringComparison.Ordinal)
                ? await CallApiAsync(app, method, address, token)
                : await CallPageAsync(client, method, address, antiforgery);
            var admitted = lowest is null || (role is { } r && r >= lowest);
            var outcome = Refusal(response);
            if (admitted && outcome is not null)
            {
                wrong.Add($"{handler}: {role?.ToString() ?? "visitor"} should be admitted but got {outcome}");
            }
            else if (!admitted && outcome is null)
            {
                wrong.Add($"{handler}: {role?.ToString() ?? "visitor"} should be refused but got {(int)response.StatusCode}");
            }
            else if (!admitted && role is null != outcome is "sign-in" or "401")
            {
                wrong.Add($"{handler}: {role?.ToString() ?? "visitor"} refused with {outcome}, expected {(role is null ? "sign-in or 401" : "403")}");
            }
        }

        wrong.ShouldBeEmpty(string.Join(Environment.NewLine, wrong));
    }

    /// <summary>Null when the request got through the door (whatever the handler then said), else how it was turned away.</summary>
    private static string? Refusal(HttpResponseMessage response) => response.StatusCode switch
    {
        HttpStatusCode.Unauthorized => "401",
        HttpStatusCode.Forbidden => "403",
        HttpStatusCode.Redirect when response.Headers.Location?.OriginalString.Contains("/account/sign-in", StringComparison.Ordinal) == true => "sign-in",
        HttpStatusCode.InternalServerError => "500",
        _ => null,
    };

    private static async Task<string> TokenAsync(TestApp app)
    {
        var users = app.Factory.Services.CreateScope().ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<StaffUser>>();
        var email = (await users.Users.SingleAsync()).Email!;
        using var response = await app.RequestTokenAsync(email, StaffAccounts.Password);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("accessToken").GetString()!;
    }

    private static Task<HttpResponseMessage> CallPageAsync(StaffBrowser client, string method, string address, string antiforgery)
    {
        if (method == "GET")
        {
            return client.GetAsync(address);
        }

        // Only the antiforgery token: every handler then refuses the empty input without changing anything.
        return client.PostAsync(address, new FormUrlEncodedContent([new("__RequestVerificationToken", antiforgery)]));
    }

    private static Task<HttpResponseMessage> CallApiAsync(TestApp app, string method, string address, string? token)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), address);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (method is "PUT" or "POST")
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }

        return app.Client.SendAsync(request);
    }

    /// <summary>The draft year 2020 (open to Editors), its indicator 1.1 and one of its statistics; the 2018-2021 framework.</summary>
    private static string Fill(string template, long factId) => template
        .Replace("{year:int}", "2020", StringComparison.Ordinal)
        .Replace("{year}", "2020", StringComparison.Ordinal)
        .Replace("{key}", "1.1", StringComparison.Ordinal)
        .Replace("{metric}", "volunteers_deployed", StringComparison.Ordinal)
        .Replace("{code}", "2018-2021", StringComparison.Ordinal)
        .Replace("{format}", "xlsx", StringComparison.Ordinal)
        .Replace("{id:guid}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
        .Replace("{id:long}", factId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

    /// <summary>
    /// "METHOD /route[?handler=Name]" for every handler of the Account, Staff and Admin pages (read
    /// from their page models) and every API and export endpoint (read from the app's endpoints).
    /// </summary>
    private static IEnumerable<string> Handlers(TestApp app)
    {
        var endpoints = app.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        var assembly = typeof(Program).Assembly;
        foreach (var endpoint in endpoints)
        {
            var route = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
            if (endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.PageActionDescriptor>() is { } page)
            {
                if (!page.ViewEnginePath.StartsWith("/Staff", StringComparison.Ordinal)
                    && !page.ViewEnginePath.StartsWith("/Admin", StringComparison.Ordinal)
                    && !page.ViewEnginePath.StartsWith("/Account", StringComparison.Ordinal))
                {
                    continue;
                }

                var model = assembly.GetType("UnvReporting.Web.Features" + page.ViewEnginePath.Replace('/', '.') + "Model")
                    ?? throw new InvalidOperationException($"No page model for {page.ViewEnginePath}.");
                // Handlers a shared base page model declares count too, as Razor Pages finds them.
                foreach (var method in model.GetMethods(BindingFlags.Public | BindingFlags.Instance).Where(m => m.DeclaringType!.Assembly == assembly))
                {
                    var match = System.Text.RegularExpressions.Regex.Match(method.Name, "^On(Get|Post)(\\w*?)(Async)?$");
                    if (match.Success)
                    {
                        var handler = match.Groups[2].Value;
                        yield return $"{match.Groups[1].Value.ToUpperInvariant()} {route}{(handler.Length > 0 ? "?handler=" + handler : string.Empty)}";
                    }
                }
            }
            else if ((route.StartsWith("/api/", StringComparison.Ordinal) || route.StartsWith("/export/", StringComparison.Ordinal))
                && endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>() is { } methods)
            {
                foreach (var method in methods.HttpMethods)
                {
                    yield return $"{method} {route}";
                }
            }
        }
    }
}
