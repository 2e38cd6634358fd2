using UnvReporting.Web.Platform.Data;
using UnvReporting.Web.Tests.Support;

namespace UnvReporting.Web.Tests.Platform.Security;

/// <summary>
/// Every way into the app, read from its endpoint data source, is either protected by an
/// authorization policy or listed here as public on purpose. A new page, handler or endpoint
/// that is neither fails this test, so nothing ships open by accident. What each protected one
/// admits, role by role, is <see cref="RoleMatrixTests"/>' business; this is the inventory.
/// </summary>
public class EndpointInventoryTests
{
    /// <summary>Open to anyone, deliberately, and why.</summary>
    private static readonly Dictionary<string, string> PublicOnPurpose = new()
    {
        // The published results: the dashboard's reason to exist (unpublished years need a current staff account, StaffReader).
        ["GET /"] = "home page",
        ["GET /Index"] = "home page",
        ["GET /indicators"] = "published indicators",
        ["GET /indicators/{year:int}"] = "published indicators",
        ["GET /indicators/{year:int}/{key}"] = "published indicators",
        ["GET /frameworks/{code}"] = "published indicators",
        ["GET /statistics"] = "published statistics",
        ["GET /statistics/{year:int}"] = "published statistics",
        ["GET /statistics/compare"] = "published statistics",
        ["GET /statistics/trends"] = "published statistics",
        ["GET /statistics/{year:int}?handler=Csv"] = "a chart's figures as CSV",
        ["GET /statistics/trends?handler=Csv"] = "a chart's figures as CSV",
        ["GET /about/scoring"] = "how scores are computed",
        ["GET /api/v1/years"] = "public API",
        ["GET /api/v1/years/{year}/summary"] = "public API",
        ["GET /api/v1/years/{year}/indicators"] = "public API",
        ["GET /api/v1/years/{year}/indicators/{key}"] = "public API",
        ["GET /api/v1/indicators/{key}"] = "public API",
        ["GET /api/v1/frameworks"] = "public API",
        ["GET /api/v1/frameworks/{code}"] = "public API",
        ["GET /api/v1/years/{year}/statistics"] = "public API",
        ["GET /api/v1/statistics/{metric}"] = "public API",
        ["GET /export/{year}/indicators.csv"] = "public downloads",
        ["GET /export/{year}/indicators.xlsx"] = "public downloads",
        ["GET /export/{year}/statistics.csv"] = "public downloads",
        ["GET /export/{year}/statistics.xlsx"] = "public downloads",
        ["GET /export/{year}/board-pack.docx"] = "public downloads",
        ["GET /export/indicators.xlsx"] = "public downloads",
        ["GET /export/frameworks/{code}.csv"] = "public downloads",
        ["GET /statistics/compare?handler=Csv"] = "the compare chart's figures as CSV, published ones only",
        ["GET /export/frameworks/{code}.xlsx"] = "public downloads",
        ["GET /export/statistics.csv"] = "public downloads",
        ["GET /openapi/{documentName}.json"] = "the public API's description",
        ["GET /api/reference"] = "the API reference page, which renders that description",
        ["GET /api/reference/scalar.js"] = "the reference page's renderer (Scalar's bundle)",

        // Signing in cannot require being signed in; both doors are rate limited.
        ["GET /account/sign-in"] = "sign-in form",
        ["POST /account/sign-in"] = "sign-in",
        ["POST /api/v1/auth/token"] = "sign-in for API clients",

        // Error pages answer whoever hit the error (re-executed with the failed request's method).
        ["GET /Error/{statusCode:int?}"] = "error page",
        ["POST /Error/{statusCode:int?}"] = "error page of a failed POST",

        // Probes for load balancers and orchestrators; they reveal only up or down.
        ["* /health/live"] = "liveness probe",
        ["* /health/ready"] = "readiness probe",

        // wwwroot files outside the build's static asset manifest (the endpoints of the files in it are counted apart).
        ["GET /{**path:file}"] = "static files",
        ["HEAD /{**path:file}"] = "static files",
    };

    [Fact]
    public async Task Every_endpoint_is_protected_or_public_on_purpose()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite);
        var handlers = AppEndpoints.Handlers(app);

        var open = handlers.Where(h => !AppEndpoints.IsProtected(h.Endpoint)).Select(h => h.ToString()).ToList();

        open.Except(PublicOnPurpose.Keys).ShouldBeEmpty(
            "open to anyone without being listed as public on purpose: protect them (a policy, or a folder convention) or list them here with the reason");
        PublicOnPurpose.Keys.Except(open).ShouldBeEmpty("listed as public, but protected now or gone: update the list");
    }

    [Fact]
    public async Task The_inventory_sees_every_kind_of_endpoint()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite);

        var endpoints = AppEndpoints.All(app);
        var handlers = AppEndpoints.Handlers(app).Select(h => h.ToString()).ToList();

        // A sample of each source, so a change in how endpoints are read cannot empty the inventory unnoticed.
        handlers.ShouldContain("POST /admin/users?handler=Disable");
        handlers.ShouldContain("GET /staff/years/{year:int}?handler=Score");
        handlers.ShouldContain("PUT /api/v1/years/{year}/indicators/{key}");
        handlers.ShouldContain("GET /export/indicators.xlsx");
        handlers.ShouldContain("* /health/ready");
        endpoints.Count(AppEndpoints.IsStaticFile).ShouldBeGreaterThan(0);
        Console.WriteLine($"Endpoint inventory: {endpoints.Count} endpoints ({endpoints.Count(AppEndpoints.IsStaticFile)} static files), " +
            $"{handlers.Count} handlers and methods, {handlers.Count(h => h.StartsWith("POST /", StringComparison.Ordinal))} POST, " +
            $"{AppEndpoints.Handlers(app).Count(h => AppEndpoints.IsProtected(h.Endpoint))} protected.");
    }
}
