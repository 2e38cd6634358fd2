using UnvReporting.Web.Data;
using UnvReporting.Web.Tests.Support;

namespace UnvReporting.Web.Tests.Api.V1;

public class OpenApiTests
{
    // The document is built from the endpoints, not from data: one database is enough.
    [Fact]
    public async Task The_OpenAPI_document_describes_the_endpoints_of_v1_public_and_staff()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite);

        var document = await app.Client.GetJsonAsync("/openapi/v1.json");

        document.GetProperty("info").GetProperty("title").GetString().ShouldBe("UNV Results Dashboard API");
        document.GetProperty("paths").PropertyNames().ShouldBe(
        [
            "/api/v1/years",
            "/api/v1/years/{year}/summary",
            "/api/v1/years/{year}/indicators",
            "/api/v1/years/{year}/indicators/{key}",
            "/api/v1/indicators/{key}",
            "/api/v1/years/{year}/statistics",
            "/api/v1/statistics/{metric}",
            "/api/v1/auth/token",
            "/api/v1/years/{year}/indicators/{key}/history",
        ], ignoreOrder: true);
        document.GetProperty("paths").GetProperty("/api/v1/years/{year}/indicators/{key}").PropertyNames().ShouldBe(["get", "put"], ignoreOrder: true);
    }
}
