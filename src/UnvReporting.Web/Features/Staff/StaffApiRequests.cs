using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using UnvReporting.Web.Features.Indicators;
using UnvReporting.Web.Features.Staff.Years;

namespace UnvReporting.Web.Features.Staff;

/// <summary>
/// Reads the JSON bodies of the staff API by hand rather than binding them to a class: binding
/// cannot tell an omitted field from a null one, would read "53%" as an error without naming the
/// field, and would accept fields the API does not know, which hides a client's typo.
/// </summary>
internal static class StaffApiRequests
{
    /// <summary>Far more than any edit (two narratives of 4,000 characters are about 24 KB as UTF-8).</summary>
    public const int MaxBodyBytes = 64 * 1024;

    private const int MaxEmailLength = 256;

    /// <summary>A JSON object body, or the problem to answer: not JSON (415), too large (413), malformed or not an object (400).</summary>
    public static async Task<(JsonDocument? Body, ProblemHttpResult? Problem)> ReadObjectAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!request.HasJsonContentType())
        {
            return (null, ApiProblems.Problem(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", "Send the body as application/json."));
        }

        var tooLarge = ApiProblems.Problem(StatusCodes.Status413PayloadTooLarge, "Body too large", $"The body may be at most {MaxBodyBytes / 1024} KB.");
        if (request.ContentLength > MaxBodyBytes)
        {
            return (null, tooLarge);
        }

        // Read at most one byte past the limit: a body without a Content-Length is cut off there.
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return (null, tooLarge);
            }

            buffer.Write(chunk, 0, read);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), new JsonDocumentOptions { MaxDepth = 8 });
        }
        catch (JsonException)
        {
            return (null, ApiProblems.Problem(StatusCodes.Status400BadRequest, "Malformed body", "The body is not valid JSON."));
        }

        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            document.Dispose();
            return (null, ApiProblems.Problem(StatusCodes.Status400BadRequest, "Malformed body", "The body must be a JSON object."));
        }

        return (document, null);
    }

    /// <summary>The e-mail address and password of a token request, or the errors by field.</summary>
    public static (string Email, string Password)? ReadCredentials(JsonElement body, Dictionary<string, string[]> errors)
    {
        string? email = null;
        string? password = null;
        foreach (var property in Properties(body, ["email", "password"], errors))
        {
            var value = ReadableString(property.Value);
            if (property.Name == "email")
            {
                email = value?.Trim();
            }
            else
            {
                password = value;
            }
        }

        if (string.IsNullOrEmpty(email) || email.Length > MaxEmailLength || !email.Contains('@', StringComparison.Ordinal))
        {
            errors.TryAdd("email", ["Send the account's e-mail address as a string, such as \"name@unv.org\"."]);
        }

        if (string.IsNullOrEmpty(password))
        {
            errors.TryAdd("password", ["Send the password as a string."]);
        }
        else if (password.Length > MaxLengthPasswordValidator.MaxLength)
        {
            errors.TryAdd("password", [$"Passwords are at most {MaxLengthPasswordValidator.MaxLength} characters."]);
        }

        return errors.Count == 0 ? (email!, password!) : null;
    }

    /// <summary>An edit of the indicator-year <paramref name="key"/> with the reason given, or the errors by field.</summary>
    public static (IndicatorEdit Edit, string? Reason)? ReadEdit(JsonElement body, string key, Dictionary<string, string[]> errors)
    {
        Set<decimal?>? target = null;
        Set<decimal?>? result = null;
        Set<string?>? narrativeEn = null;
        Set<string?>? narrativeZh = null;
        Set<string?>? missingDataReason = null;
        Set<string?>? version = null;
        Set<string?>? reason = null;
        foreach (var property in Properties(body, EditFields.All, errors))
        {
            switch (property.Name)
            {
                case EditFields.Target:
                    target = Figure(property, errors);
                    break;
                case EditFields.Result:
                    result = Figure(property, errors);
                    break;
                case EditFields.NarrativeEn:
                    narrativeEn = Text(property, errors);
                    break;
                case EditFields.NarrativeZh:
                    narrativeZh = Text(property, errors);
                    break;
                case EditFields.MissingDataReason:
                    missingDataReason = StatedText(property, errors);
                    break;
                case EditFields.Version:
                    version = Text(property, errors);
                    break;
                default:
                    reason = Text(property, errors);
                    break;
            }
        }

        if (version is not { Value: { Length: > 0 } } && !errors.ContainsKey(EditFields.Version))
        {
            errors[EditFields.Version] = ["version is required: send the version of the indicator-year as you read it, so that a change made since is not overwritten."];
        }

        return errors.Count == 0
            ? (new IndicatorEdit(key, version!.Value.Value, target, result, narrativeEn, narrativeZh, missingDataReason), reason?.Value)
            : null;
    }

    /// <summary>The body's properties, each known and given once; an unknown or repeated one is an error.</summary>
    private static IEnumerable<JsonProperty> Properties(JsonElement body, IReadOnlyList<string> known, Dictionary<string, string[]> errors)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in body.EnumerateObject())
        {
            if (!known.Contains(property.Name))
            {
                errors[property.Name] = [$"{property.Name} is not a field here; the fields are {string.Join(", ", known)}."];
            }
            else if (!seen.Add(property.Name))
            {
                errors[property.Name] = [$"{property.Name} is given more than once."];
            }
            else
            {
                yield return property;
            }
        }
    }

    /// <summary>A figure is a JSON number, or null to clear it; the unit's own rules are the domain's to apply.</summary>
    private static Set<decimal?>? Figure(JsonProperty property, Dictionary<string, string[]> errors)
    {
        switch (property.Value.ValueKind)
        {
            case JsonValueKind.Null:
                return new Set<decimal?>(null);
            // Read from the text by the domain's rule, not with TryGetDecimal, which takes 1e-400 as 0.
            case JsonValueKind.Number:
                if (NumberInput.TryParseExact(property.Value.GetRawText(), $"{property.Name}", out var value, out var error))
                {
                    return new Set<decimal?>(value);
                }

                errors[property.Name] = [error!.ToString()];
                return null;
            case JsonValueKind.String:
                errors[property.Name] = [$"{property.Name} must be a JSON number such as 53 (not a string, and without a % sign or thousands separators), or null to clear it."];
                return null;
            default:
                errors[property.Name] = [$"{property.Name} must be a JSON number, or null to clear it."];
                return null;
        }
    }

    /// <summary>The string, or null when it is not one or holds an escaped half of a surrogate pair (valid JSON, but no text).</summary>
    private static string? ReadableString(JsonElement value)
    {
        try
        {
            return value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>
    /// A statement that must say something when given: text, or null to withdraw it. A blank
    /// string would read as a reason to a client and as none to the domain, so it is refused.
    /// </summary>
    private static Set<string?>? StatedText(JsonProperty property, Dictionary<string, string[]> errors)
    {
        var text = Text(property, errors);
        if (text is { Value: { } value } && string.IsNullOrWhiteSpace(value))
        {
            errors[property.Name] = [$"{property.Name} must say why there is no data; send null to withdraw it."];
            return null;
        }

        return text;
    }

    private static Set<string?>? Text(JsonProperty property, Dictionary<string, string[]> errors)
    {
        switch (property.Value.ValueKind)
        {
            case JsonValueKind.Null:
                return new Set<string?>(null);
            case JsonValueKind.String:
                try
                {
                    return new Set<string?>(property.Value.GetString());
                }
                catch (InvalidOperationException)
                {
                    // An escaped half of a surrogate pair ("\ud800") is valid JSON but no text: reading it throws.
                    errors[property.Name] = [$"{property.Name} is not valid Unicode text (it holds half of a surrogate pair)."];
                    return null;
                }

            default:
                errors[property.Name] = [$"{property.Name} must be a string, or null."];
                return null;
        }
    }
}
