using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using UnvReporting.Domain.Staff;
using UnvReporting.Testing;
using UnvReporting.Web.Platform.Data;
using UnvReporting.Web.Tests.Support;

namespace UnvReporting.Web.Tests.Features.Api;

/// <summary>
/// The bad-input corpus at every field of the staff API's bodies, at malformed bodies and at the
/// route and query values of the read API: each answered with a 4xx problem, the database as it was.
/// </summary>
public class BadInputTests
{
    private const string Edit = "/api/v1/years/2020/indicators/1.1";

    /// <summary>A JSON string holding the value, escaped as any serializer would write it.</summary>
    private static string Str(string value) => JsonSerializer.Serialize(value);

    /// <summary>Bodies no serializer writes for an edit, each with what it tries.</summary>
    private static IEnumerable<(string Name, string Body)> MalformedBodies(string version)
    {
        yield return ("empty body", string.Empty);
        yield return ("not JSON", "abc");
        yield return ("truncated", "{\"result\": 45");
        yield return ("array", "[]");
        yield return ("null", "null");
        yield return ("string", "\"text\"");
        yield return ("missing value", "{\"result\": }");
        yield return ("trailing comma", "{\"result\": 45,}");
        yield return ("single quotes", "{'result': 45}");
        yield return ("duplicate property", $"{{\"result\": 45, \"result\": 46, \"version\": {Str(version)}}}");
        yield return ("unknown property", $"{{\"milestone\": 45, \"version\": {Str(version)}}}");
        yield return ("deep nesting", new string('[', 100) + new string(']', 100));
        yield return ("huge body", $"{{\"narrativeEn\": {Str(new string('x', 70_000))}, \"version\": {Str(version)}}}");
        yield return ("no version", "{\"result\": 45}");
        yield return ("lone surrogate", $"{{\"narrativeEn\": \"a\\ud800b\", \"version\": {Str(version)}}}");
        foreach (var field in new[] { "target", "result" })
        {
            foreach (var raw in new[] { "NaN", "Infinity", "-Infinity", "1e309", "-1", new string('9', 400), "\"53\"", "\"53%\"", "true", "{}", "[]", "0x10" })
            {
                yield return ($"{field} = {raw[..Math.Min(raw.Length, 12)]}", $"{{\"{field}\": {raw}, \"version\": {Str(version)}}}");
            }

            foreach (var value in BadInput.RefusedBy(FieldKind.Number, required: false))
            {
                yield return ($"{field} = string {value.Name}", $"{{\"{field}\": {Str(value.Value)}, \"version\": {Str(version)}}}");
            }
        }

        foreach (var field in new[] { "narrativeEn", "narrativeZh", "reason" })
        {
            foreach (var value in BadInput.RefusedBy(FieldKind.LongText, required: false))
            {
                yield return ($"{field} = {value.Name}", $"{{\"{field}\": {Str(value.Value)}, \"result\": 45, \"version\": {Str(version)}}}");
            }

            yield return ($"{field} = number", $"{{\"{field}\": 5, \"version\": {Str(version)}}}");
        }

        foreach (var value in BadInput.RefusedBy(FieldKind.Version))
        {
            yield return ($"version = {value.Name}", $"{{\"result\": 45, \"version\": {Str(value.Value)}}}");
        }

        yield return ("version = number", "{\"result\": 45, \"version\": 1}");
    }

    [Theory, BothProviders]
    public async Task Every_edit_field_and_malformed_body_is_refused_with_a_problem_and_nothing_is_saved(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await DraftYear.AddAsync(app);
        var token = await app.TokenForAsync(StaffRole.Editor);
        var version = await app.VersionOfAsync(2020, "1.1", token);
        var before = await SnapshotAsync(app);
        var failures = new List<string>();

        foreach (var (name, body) in MalformedBodies(version))
        {
            using var response = await app.PutJsonAsync(Edit, body, token);
            await CheckProblemAsync(response, name, failures);
        }

        using (var request = new HttpRequestMessage(HttpMethod.Put, Edit))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            request.Content = new StringContent("{\"result\": 45, \"version\": \"" + version + "\"}", Encoding.UTF8, "text/plain");
            using var response = await app.Client.SendAsync(request);
            await CheckProblemAsync(response, "text/plain body", failures);
        }

        foreach (var address in BadAddresses("/api/v1/years/{year}/indicators/{key}"))
        {
            using var response = await app.PutJsonAsync(address, "{\"result\": 45, \"version\": \"" + version + "\"}", token);
            await CheckProblemAsync(response, "PUT " + address, failures);
        }

        failures.ShouldBeEmpty(string.Join(Environment.NewLine, failures));
        (await SnapshotAsync(app)).ShouldBe(before);

        // The control: the same edit, well formed, is saved.
        using var saved = await app.PutJsonAsync(Edit, "{\"result\": 45, \"version\": \"" + version + "\"}", token);
        ((int)saved.StatusCode).ShouldBe(200, await saved.Content.ReadAsStringAsync());
    }

    [Theory, BothProviders]
    public async Task Token_requests_route_values_and_query_values_are_refused_with_a_problem(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await app.CreateUserAsync(StaffRole.Editor);
        var before = await SnapshotAsync(app);
        var failures = new List<string>();

        // An address no account has: a wrong password for a real one would (rightly) count towards its lockout.
        foreach (var value in BadInput.RefusedBy(FieldKind.Email))
        {
            using var response = await app.Client.PostAsync("/api/v1/auth/token", Json($"{{\"email\": {Str(value.Value)}, \"password\": \"{StaffAccounts.Password}\"}}"));
            await CheckProblemAsync(response, "token email " + value.Name, failures);
        }

        foreach (var value in BadInput.RefusedBy(FieldKind.Password))
        {
            using var response = await app.Client.PostAsync("/api/v1/auth/token", Json($"{{\"email\": \"nobody@unv.test\", \"password\": {Str(value.Value)}}}"));
            await CheckProblemAsync(response, "token password " + value.Name, failures);
        }

        foreach (var body in new[] { string.Empty, "{", "[]", "{\"email\": \"a\\ud800@unv.test\", \"password\": \"x\\udc00\"}", "{\"email\": 5, \"password\": true}", "{\"email\": \"a@b\", \"email\": \"c@d\", \"password\": \"x\"}" })
        {
            using var response = await app.Client.PostAsync("/api/v1/auth/token", Json(body));
            await CheckProblemAsync(response, "token body " + body, failures);
        }

        var reads = new[]
        {
            "/api/v1/years/{year}/summary", "/api/v1/years/{year}/indicators", "/api/v1/years/{year}/indicators/{key}",
            "/api/v1/indicators/{key}", "/api/v1/years/{year}/statistics",
        };
        foreach (var address in reads.SelectMany(BadAddresses))
        {
            using var response = await app.Client.GetAsync(address);
            await CheckProblemAsync(response, "GET " + address, failures);
        }

        foreach (var value in BadInput.All.Where(v => v.Value.Trim().Length > 0))
        {
            var escaped = Uri.EscapeDataString(value.Value);
            string[] addresses = [$"/api/v1/years/2021/indicators?culture={escaped}", $"/api/v1/years/2021/statistics?culture={escaped}"];
            foreach (var address in InPath(value) ? addresses.Append($"/api/v1/statistics/{escaped}") : addresses)
            {
                using var response = await app.Client.GetAsync(address);
                await CheckProblemAsync(response, "GET " + address[..Math.Min(address.Length, 80)], failures);
            }
        }

        failures.ShouldBeEmpty(string.Join(Environment.NewLine, failures));
        (await SnapshotAsync(app)).ShouldBe(before);
    }

    /// <summary>
    /// A NUL in a path never reaches the app: Kestrel answers 400 itself (the test server, which
    /// has no Kestrel, throws instead), so path values leave it out.
    /// </summary>
    private static bool InPath(BadValue value) => value.Value.Trim().Length > 0 && value != BadInput.Nul;

    /// <summary>The address with a bad year, then a bad key, in turn.</summary>
    private static IEnumerable<string> BadAddresses(string template)
    {
        foreach (var value in BadInput.RefusedBy(FieldKind.WholeNumber).Where(InPath).Where(_ => template.Contains("{year}", StringComparison.Ordinal)))
        {
            yield return template.Replace("{year}", Uri.EscapeDataString(value.Value), StringComparison.Ordinal).Replace("{key}", "1.1", StringComparison.Ordinal);
        }

        if (template.Contains("{key}", StringComparison.Ordinal))
        {
            foreach (var value in BadInput.RefusedBy(FieldKind.Key).Where(InPath))
            {
                yield return template.Replace("{year}", "2021", StringComparison.Ordinal).Replace("{key}", Uri.EscapeDataString(value.Value), StringComparison.Ordinal);
            }
        }
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    /// <summary>A 4xx with a problem body saying what was wrong; anything else is noted.</summary>
    private static async Task CheckProblemAsync(HttpResponseMessage response, string name, List<string> failures)
    {
        var status = (int)response.StatusCode;
        var body = await response.Content.ReadAsStringAsync();
        if (status is < 400 or >= 500)
        {
            failures.Add($"{name}: {status} {body[..Math.Min(body.Length, 200)]}");
            return;
        }

        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            failures.Add($"{name}: {status} without a problem body ({response.Content.Headers.ContentType})");
            return;
        }

        using var problem = JsonDocument.Parse(body);
        var detail = problem.RootElement.TryGetProperty("detail", out var d) ? d.GetString() : null;
        var errors = problem.RootElement.TryGetProperty("errors", out var e) ? e.ToString() : null;
        // A 415 for a body that is not JSON comes from the endpoint's declared content type,
        // before the handler: its title ("Unsupported Media Type") is the whole message.
        if (string.IsNullOrWhiteSpace(detail) && string.IsNullOrWhiteSpace(errors) && status != 415)
        {
            failures.Add($"{name}: {status} problem without a detail or errors");
        }
    }

    private static async Task<string> SnapshotAsync(TestApp app)
    {
        await using var scope = app.CreateDbScope();
        return await DatabaseSnapshot.TakeAsync(scope.Db);
    }
}
