using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using UnvReporting.Testing;
using UnvReporting.Web.Features.Api;
using UnvReporting.Web.Platform.Data;
using UnvReporting.Web.Tests.Support;

namespace UnvReporting.Web.Tests.Features.Api;

/// <summary>
/// The OpenAPI document at /openapi/v1.json (docs/api.md) against what the API does. It is built
/// from the endpoints, not from data, so one database is enough except where the examples are
/// compared with the answers.
/// </summary>
public class OpenApiTests
{
    /// <summary>
    /// The answers of each operation, as its handler gives them: 400 for a malformed year, key,
    /// metric, culture or body; 401/403 from the staff policies; 404 for what does not exist or
    /// cannot be seen; 409 for a stale version; 413/415 from reading a body by hand; 429 from the
    /// sign-in rate limit; 503 when the database is down (problem details under /api, the error
    /// page for downloads). Nothing answers 412: an edit's version travels in its body.
    /// </summary>
    private static readonly Dictionary<string, int[]> Answers = new()
    {
        ["GET /api/v1/years"] = [200, 400, 503],
        ["GET /api/v1/years/{year}/summary"] = [200, 400, 404, 503],
        ["GET /api/v1/years/{year}/indicators"] = [200, 400, 404, 503],
        ["GET /api/v1/years/{year}/indicators/{key}"] = [200, 400, 404, 503],
        ["GET /api/v1/indicators/{key}"] = [200, 400, 404, 503],
        ["GET /api/v1/frameworks"] = [200, 400, 503],
        ["GET /api/v1/frameworks/{code}"] = [200, 400, 404, 503],
        ["GET /api/v1/years/{year}/statistics"] = [200, 400, 404, 503],
        ["GET /api/v1/statistics/{metric}"] = [200, 400, 404, 503],
        ["POST /api/v1/auth/token"] = [200, 400, 401, 413, 415, 429, 503],
        ["PUT /api/v1/years/{year}/indicators/{key}"] = [200, 400, 401, 403, 404, 409, 413, 415, 503],
        ["GET /api/v1/years/{year}/indicators/{key}/history"] = [200, 400, 401, 403, 404, 503],
        ["GET /export/{year}/indicators.csv"] = [200, 400, 404, 503],
        ["GET /export/{year}/indicators.xlsx"] = [200, 400, 404, 503],
        ["GET /export/{year}/statistics.csv"] = [200, 400, 404, 503],
        ["GET /export/{year}/statistics.xlsx"] = [200, 400, 404, 503],
        ["GET /export/{year}/board-pack.docx"] = [200, 400, 404, 503],
        ["GET /export/frameworks/{code}.csv"] = [200, 404, 503],
        ["GET /export/frameworks/{code}.xlsx"] = [200, 404, 503],
        ["GET /export/indicators.xlsx"] = [200, 503],
        ["GET /export/statistics.csv"] = [200, 503],
    };

    private static readonly string[] StaffOperations =
    [
        "PUT /api/v1/years/{year}/indicators/{key}",
        "GET /api/v1/years/{year}/indicators/{key}/history",
    ];

    [Fact]
    public async Task The_document_describes_every_operation_of_v1_and_the_downloads()
    {
        var document = await LoadAsync();

        document.GetProperty("openapi").GetString().ShouldStartWith("3.1");
        document.GetProperty("info").GetProperty("title").GetString().ShouldBe("UNV Results Dashboard API");
        Operations(document).Select(o => o.Name).ShouldBe(Answers.Keys, ignoreOrder: true);
        Operations(document).Select(o => o.Operation.GetProperty("operationId").GetString()).ShouldBeUnique();
    }

    [Fact]
    public async Task The_document_reads_and_validates_without_errors()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite);
        await using var json = await app.Client.GetStreamAsync(ApiDocument.Path);

        var (document, diagnostic) = await OpenApiDocument.LoadAsync(json, "json");

        diagnostic!.Errors.ShouldBeEmpty();
        document!.Validate(ValidationRuleSet.GetDefaultRuleSet())!.Select(e => $"{e.Pointer}: {e.Message}").ShouldBeEmpty();
    }

    [Fact]
    public async Task Each_operation_lists_its_success_and_the_errors_its_handler_gives()
    {
        var document = await LoadAsync();

        foreach (var (name, operation) in Operations(document))
        {
            var statuses = operation.GetProperty("responses").PropertyNames().Select(int.Parse).Order().ToArray();
            statuses.ShouldBe(Answers[name], name);
            statuses.Count(s => s is >= 200 and < 300).ShouldBe(1, name);
            foreach (var error in statuses.Where(s => s >= 400))
            {
                var response = operation.GetProperty("responses").GetProperty(error.ToString(System.Globalization.CultureInfo.InvariantCulture));
                response.GetProperty("description").GetString().ShouldNotBeNullOrWhiteSpace($"{name} {error}");
                response.GetProperty("content").PropertyNames().ShouldBe(
                    [name.StartsWith("GET /export/", StringComparison.Ordinal) && error == 503 ? "text/html" : "application/problem+json"], $"{name} {error}");
            }
        }
    }

    [Fact]
    public async Task Every_reference_names_a_schema_of_the_document()
    {
        var document = await LoadAsync();
        var schemas = document.GetProperty("components").GetProperty("schemas").PropertyNames();

        var references = Descendants(document).Where(p => p.Name == "$ref").Select(p => p.Value.GetString()!).Distinct().ToList();

        references.ShouldNotBeEmpty();
        references.ShouldAllBe(r => r.StartsWith("#/components/schemas/", StringComparison.Ordinal));
        references.Select(r => r["#/components/schemas/".Length..]).Except(schemas).ShouldBeEmpty();
    }

    [Fact]
    public async Task Staff_operations_require_the_bearer_token_and_open_reads_accept_it()
    {
        var document = await LoadAsync();

        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty(ApiDocument.BearerScheme);
        scheme.GetProperty("type").GetString().ShouldBe("http");
        scheme.GetProperty("scheme").GetString().ShouldBe("bearer");
        foreach (var (name, operation) in Operations(document))
        {
            var security = operation.TryGetProperty("security", out var requirements)
                ? requirements.EnumerateArray().Select(r => string.Join(",", r.PropertyNames())).ToList()
                : [];
            if (StaffOperations.Contains(name))
            {
                security.ShouldBe([ApiDocument.BearerScheme], name);
            }
            else if (name.StartsWith("GET /api/", StringComparison.Ordinal))
            {
                // Anyone may read; a staff token adds unpublished years.
                security.ShouldBe([string.Empty, ApiDocument.BearerScheme], name);
            }
            else
            {
                security.ShouldBeEmpty(name);
            }
        }
    }

    [Fact]
    public async Task The_words_of_the_API_are_listed_as_enums()
    {
        var schemas = (await LoadAsync()).GetProperty("components").GetProperty("schemas");

        Enum(schemas, "IndicatorYearDto", "rating").ShouldBe(["green", "yellow", "red", "grey"]);
        Enum(schemas, "IndicatorYearDto", "publishedRating").ShouldBe(["green", "yellow", "red", "grey", null]);
        Enum(schemas, "IndicatorYearDto", "unit").ShouldBe(["count", "percent", "percent-change", "months", "usd", "days", "years"]);
        Enum(schemas, "IndicatorYearDto", "level").ShouldBe(["outcome", "output", "institutional-effectiveness"]);
        Enum(schemas, "IndicatorYearDto", "direction").ShouldBe(["higher", "lower"]);
        Enum(schemas, "IndicatorYearDto", "notRateable").ShouldBe(["no-milestone", "no-result", "zero-divisor", "negative-figure", null]);
        Enum(schemas, "StaffIndicatorYearDto", "rating").ShouldBe(["green", "yellow", "red", "grey"]);
        Enum(schemas, "StaffIndicatorYearDto", "status").ShouldBe(["draft", "submitted", "published"]);
        Enum(schemas, "StatisticDto", "unit").ShouldBe(["count", "percent", "percent-change", "months", "usd", "days", "years"]);
        Enum(schemas, "StatisticDto", "qualifier").ShouldBe(["exact", "approximate", "more-than", "nearly"]);
        Enum(schemas, "FlagDto", "code").ShouldBe(["score-differs-from-published", "rating-differs-from-published"]);
        Enum(schemas, "YearDto", "status").ShouldBe(["draft", "submitted", "published"]);
        Enum(schemas, "AuditEntryDto", "action").ShouldBe(["added", "changed", "deleted"]);

        // ProblemDetails has a "status" too: a number, not a word.
        schemas.GetProperty("ProblemDetails").GetProperty("properties").GetProperty("status").TryGetProperty("enum", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task Figures_and_years_are_typed_as_numbers_not_as_strings_that_look_like_numbers()
    {
        var document = await LoadAsync();

        var numeric = Descendants(document)
            .Where(p => p.Name == "type" && p.Value.ValueKind is JsonValueKind.String or JsonValueKind.Array)
            .Select(p => p.Value.ValueKind == JsonValueKind.Array ? p.Value.EnumerateArray().Select(t => t.GetString()).ToList() : [p.Value.GetString()])
            .Where(types => types.Contains("integer") || types.Contains("number"))
            .ToList();

        numeric.Count.ShouldBeGreaterThan(20);
        numeric.ShouldAllBe(types => !types.Contains("string"));
        Descendants(document).Where(p => p.Name == "pattern").ShouldBeEmpty();
        var indicator = document.GetProperty("components").GetProperty("schemas").GetProperty("IndicatorYearDto").GetProperty("properties");
        indicator.GetProperty("target").GetProperty("type").EnumerateArray().Select(t => t.GetString()).ShouldBe(["null", "number"]);
        indicator.GetProperty("year").GetProperty("type").GetString().ShouldBe("integer");
    }

    [Fact]
    public async Task The_downloads_are_described_with_their_file_types()
    {
        var document = await LoadAsync();

        foreach (var (name, operation) in Operations(document).Where(o => o.Name.StartsWith("GET /export/", StringComparison.Ordinal)))
        {
            var type = name[(name.LastIndexOf('.') + 1)..] switch
            {
                "csv" => "text/csv",
                "docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                _ => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            };
            operation.GetProperty("responses").GetProperty("200").GetProperty("content").PropertyNames().ShouldBe([type], name);
            operation.GetProperty("tags").EnumerateArray().Select(t => t.GetString()).ShouldBe(["Exports"], name);
        }
    }

    [Fact]
    public async Task Answers_require_every_field_the_API_writes_and_only_nullable_fields_admit_null()
    {
        var schemas = (await LoadAsync()).GetProperty("components").GetProperty("schemas");
        var staff = schemas.GetProperty("StaffIndicatorYearDto");

        staff.GetProperty("required").EnumerateArray().Select(r => r.GetString()).ShouldBe(staff.GetProperty("properties").PropertyNames(), ignoreOrder: true);
        staff.GetProperty("properties").GetProperty("version").GetProperty("type").GetString().ShouldBe("string");
        staff.GetProperty("properties").GetProperty("source").GetProperty("type").GetString().ShouldBe("string");
        staff.GetProperty("properties").GetProperty("revisionReason").GetProperty("type").EnumerateArray().Select(t => t.GetString()).ShouldBe(["null", "string"]);
        schemas.GetProperty("IndicatorYearDetailDto").GetProperty("properties").GetProperty("note").GetProperty("type").EnumerateArray().Select(t => t.GetString()).ShouldBe(["null", "string"]);
    }

    [Fact]
    public async Task An_edit_requires_only_its_version()
    {
        var schemas = (await LoadAsync()).GetProperty("components").GetProperty("schemas");

        // A field left out stays as it is (docs/api.md): only the version must be sent.
        schemas.GetProperty("IndicatorYearEditDto").GetProperty("required").EnumerateArray().Select(r => r.GetString()).ShouldBe(["version"]);
    }

    [Fact]
    public async Task Every_example_has_only_the_properties_of_its_schema_and_all_it_requires()
    {
        var schemas = (await LoadAsync()).GetProperty("components").GetProperty("schemas");

        var examples = schemas.EnumerateObject().Where(s => s.Value.TryGetProperty("examples", out _)).ToList();

        examples.Select(s => s.Name).ShouldBe(
            ["AuditEntryDto", "EditConflictDto", "IndicatorHistoryDto", "IndicatorYearDetailDto", "IndicatorYearDto", "IndicatorYearEditDto", "MetricHistoryDto",
             "StaffIndicatorYearDto", "StatisticDto", "SummaryDto", "TokenDto", "TokenRequestDto", "YearDto"],
            ignoreOrder: true);
        foreach (var (name, schema) in examples.Select(s => (s.Name, s.Value)))
        {
            var example = schema.GetProperty("examples")[0];
            var properties = schema.GetProperty("properties").PropertyNames();
            example.PropertyNames().Except(properties).ShouldBeEmpty(name);
            if (schema.TryGetProperty("required", out var required))
            {
                required.EnumerateArray().Select(r => r.GetString()!).Except(example.PropertyNames()).ShouldBeEmpty(name);
            }
        }
    }

    [Theory, BothProviders]
    public async Task The_examples_of_the_public_shapes_are_answers_on_the_reference_data(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var client = app.Client;
        var indicators = await client.GetJsonAsync("/api/v1/years/2021/indicators");

        ShouldBeSame(ApiExamples.Year, (await client.GetJsonAsync("/api/v1/years")).EnumerateArray().Single(y => y.GetProperty("year").GetInt32() == 2021));
        ShouldBeSame(ApiExamples.Summary, await client.GetJsonAsync("/api/v1/years/2021/summary"));
        ShouldBeSame(ApiExamples.IndicatorYear, indicators.EnumerateArray().Single(i => i.GetProperty("key").GetString() == "1.1"));
        ShouldBeSame(ApiExamples.IndicatorYearDetail, await client.GetJsonAsync("/api/v1/years/2021/indicators/1.1"));
        ShouldBeSame(ApiExamples.IndicatorHistory, await client.GetJsonAsync("/api/v1/indicators/1.1"));
        ShouldBeSame(ApiExamples.MetricHistory, WithFactsInExampleOrder(await client.GetJsonAsync("/api/v1/statistics/volunteers_deployed")));
        ShouldBeSame(ApiExamples.Statistic, (await client.GetJsonAsync("/api/v1/years/2019/statistics")).EnumerateArray()
            .Single(f => f.GetProperty("metric").GetString() == "volunteers_deployed" && f.GetProperty("dimension").ValueKind == JsonValueKind.Null));
    }

    private static async Task<JsonElement> LoadAsync()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite);
        return await app.Client.GetJsonAsync(ApiDocument.Path);
    }

    /// <summary>Each operation as "METHOD /path".</summary>
    private static IEnumerable<(string Name, JsonElement Operation)> Operations(JsonElement document) =>
        document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(operation => ($"{operation.Name.ToUpperInvariant()} {path.Name}", operation.Value)));

    private static IEnumerable<JsonProperty> Descendants(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Descendants(p.Value).Prepend(p)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Descendants),
        _ => [],
    };

    private static List<string?> Enum(JsonElement schemas, string schema, string property) =>
        schemas.GetProperty(schema).GetProperty("properties").GetProperty(property).GetProperty("enum").EnumerateArray()
            .Select(v => v.ValueKind == JsonValueKind.Null ? null : v.GetString())
            .ToList();

    /// <summary>
    /// SQLite sorts a year's total (no dimension) before its breakdowns and PostgreSQL after them;
    /// the example follows SQLite, and the facts are compared in that order.
    /// </summary>
    private static JsonElement WithFactsInExampleOrder(JsonElement history)
    {
        var node = JsonNode.Parse(history.GetRawText())!.AsObject();
        var facts = node["facts"]!.AsArray().Select(f => f!.DeepClone())
            .OrderBy(f => (int)f["year"]!).ThenBy(f => (string?)f["dimension"] ?? string.Empty, StringComparer.Ordinal).ThenBy(f => (string?)f["member"] ?? string.Empty, StringComparer.Ordinal)
            .ToArray();
        node["facts"] = new JsonArray(facts);
        return JsonDocument.Parse(node.ToJsonString()).RootElement.Clone();
    }

    private static void ShouldBeSame(string example, JsonElement answer) =>
        JsonNode.DeepEquals(JsonNode.Parse(example), JsonNode.Parse(answer.GetRawText())).ShouldBeTrue($"example {Json.Compact(example)}{Environment.NewLine}answer  {answer.GetRawText()}");
}
