using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using UnvReporting.Domain.Staff;

namespace UnvReporting.Web.Tests.Support;

/// <summary>Calls to the staff API as a client program makes them: a token from <c>/api/v1/auth/token</c>, then requests carrying it.</summary>
public static class StaffApiClient
{
    public static Task<HttpResponseMessage> RequestTokenAsync(this TestApp app, string email, string password) =>
        app.Client.PostAsJsonAsync("/api/v1/auth/token", new { email, password });

    /// <summary>Creates an account with the role and returns a bearer token for it.</summary>
    public static async Task<string> TokenForAsync(this TestApp app, StaffRole role, string? email = null)
    {
        var address = email ?? StaffAccounts.EmailFor(role);
        await app.CreateUserAsync(role, address);
        var response = await app.RequestTokenAsync(address, StaffAccounts.Password);
        var body = await response.Content.ReadAsStringAsync();
        ((int)response.StatusCode).ShouldBe(200, body);
        using var document = JsonDocument.Parse(body);
        return document.RootElement.GetProperty("accessToken").GetString()!;
    }

    public static Task<HttpResponseMessage> GetAsync(this TestApp app, string path, string? token) =>
        app.Client.SendAsync(Request(HttpMethod.Get, path, token));

    public static async Task<JsonElement> GetJsonAsync(this TestApp app, string path, string? token, int expectedStatus = 200)
    {
        var response = await app.GetAsync(path, token);
        var body = await response.Content.ReadAsStringAsync();
        ((int)response.StatusCode).ShouldBe(expectedStatus, body);
        using var document = JsonDocument.Parse(body);
        return document.RootElement.Clone();
    }

    /// <summary>A PUT with the JSON written as is, so a test can send what a serializer never would ("53%", a field twice).</summary>
    public static Task<HttpResponseMessage> PutJsonAsync(this TestApp app, string path, string json, string? token)
    {
        var request = Request(HttpMethod.Put, path, token);
        request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        return app.Client.SendAsync(request);
    }

    /// <summary>The version of an indicator-year as staff read it, to send back with an edit.</summary>
    public static async Task<string> VersionOfAsync(this TestApp app, int year, string key, string token) =>
        (await app.GetJsonAsync($"/api/v1/years/{year}/indicators/{key}", token)).GetProperty("version").GetString()!;

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response, int expectedStatus)
    {
        var body = await response.Content.ReadAsStringAsync();
        ((int)response.StatusCode).ShouldBe(expectedStatus, body);
        using var document = JsonDocument.Parse(body);
        return document.RootElement.Clone();
    }

    private static HttpRequestMessage Request(HttpMethod method, string path, string? token)
    {
        var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return request;
    }
}
