using System.Text.Json;

namespace UnvReporting.Web.Tests.Support;

public static class Json
{
    /// <summary>Fetches a JSON document, failing with the body when the status is not the expected one.</summary>
    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string path, int expectedStatus = 200)
    {
        var response = await client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        ((int)response.StatusCode).ShouldBe(expectedStatus, body);
        using var document = JsonDocument.Parse(body);
        return document.RootElement.Clone();
    }

    /// <summary>
    /// JSON written for reading (indented, on several lines) as the API writes it: compact, in the
    /// same order, every number exactly as typed.
    /// </summary>
    public static string Compact(string json)
    {
        using var document = JsonDocument.Parse(json);
        return JsonSerializer.Serialize(document.RootElement);
    }

    /// <summary>The names of an object's properties, in the order they were written.</summary>
    public static List<string> PropertyNames(this JsonElement element) =>
        element.EnumerateObject().Select(p => p.Name).ToList();

    /// <summary>A property exactly as written: 57827 and 57827.0000 are different texts.</summary>
    public static string Raw(this JsonElement element, string property) => element.GetProperty(property).GetRawText();
}
