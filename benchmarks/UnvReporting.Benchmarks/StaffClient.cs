using System.Net;
using System.Text.RegularExpressions;

namespace UnvReporting.Benchmarks;

/// <summary>A signed-in browser, as far as the staff pages need one: cookies, the antiforgery token, no redirects followed.</summary>
public sealed partial class StaffClient : IDisposable
{
    private readonly HttpClient _http;

    private StaffClient(Uri baseAddress)
    {
        _http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromMinutes(5),
        };
    }

    public static async Task<StaffClient> SignInAsync(Uri baseAddress, string email, string password)
    {
        var client = new StaffClient(baseAddress);
        var token = await client.TokenOfAsync("/account/sign-in");
        using var answer = await client._http.PostAsync("/account/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
            ["__RequestVerificationToken"] = token,
        }));
        if (answer.StatusCode != HttpStatusCode.Redirect)
        {
            client.Dispose();
            throw new InvalidOperationException($"Sign-in as {email} answered {(int)answer.StatusCode}, not a redirect.");
        }

        return client;
    }

    public async Task<string> TokenOfAsync(string path)
    {
        using var answer = await _http.GetAsync(path);
        var html = await answer.Content.ReadAsStringAsync();
        if (answer.StatusCode != HttpStatusCode.OK || TokenPattern().Match(html) is not { Success: true } match)
        {
            throw new InvalidOperationException($"GET {path} answered {(int)answer.StatusCode} without a form token.");
        }

        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    /// <summary>Posts a form and expects the redirect a successful post answers with; returns where it points.</summary>
    public async Task<string> PostExpectingRedirectAsync(string path, HttpContent content)
    {
        using var answer = await _http.PostAsync(path, content);
        if (answer.StatusCode != HttpStatusCode.Redirect)
        {
            var body = await answer.Content.ReadAsStringAsync();
            var alert = AlertPattern().Match(body);
            throw new InvalidOperationException($"POST {path} answered {(int)answer.StatusCode}{(alert.Success ? ": " + Regex.Replace(alert.Groups[1].Value, "<[^>]+>|\\s+", " ").Trim() : "")}");
        }

        return answer.Headers.Location!.ToString();
    }

    public void Dispose() => _http.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("class=\"alert[^\"]*\"[^>]*>(.{0,400})", RegexOptions.Singleline)]
    private static partial Regex AlertPattern();
}
