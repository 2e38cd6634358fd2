using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace UnvReporting.Web.Tests.Support;

/// <summary>
/// One field of one form: the page that renders the form, the field's name as posted, its kind,
/// and what else the post must carry to be a real change (so the field, not an empty form, is
/// what gets refused). <paramref name="Handler"/> picks the form posting to that handler;
/// <paramref name="Match"/> picks, among several such forms, the one holding these values;
/// <paramref name="Mirror"/> names a field that must repeat the value (a password's confirmation).
/// </summary>
public sealed record FormField(
    string Page,
    string Field,
    FieldKind Kind,
    bool Required = true,
    string? Handler = null,
    IReadOnlyDictionary<string, string>? Match = null,
    IReadOnlyDictionary<string, string>? Also = null,
    IReadOnlyList<BadValue>? Values = null,
    string? Mirror = null)
{
    public IReadOnlyList<BadValue> Corpus => Values ?? BadInput.RefusedBy(Kind, Required);

    public override string ToString() => $"{Page}{(Handler is null ? string.Empty : "?handler=" + Handler)} {Field}";
}

/// <summary>Throws the corpus at form fields as a browser would post them, and says where a field let a value through.</summary>
public static class BadInputForms
{
    /// <summary>
    /// Posts every value of the field's corpus and returns what went wrong: a 500, an answer with
    /// no message, or a change to the database. Row counts are compared after each post; the
    /// full snapshot once for the field (any write also leaves an audit entry, a stamp or a row,
    /// none of which a later refused post could undo).
    /// </summary>
    public static async Task<List<string>> ThrowCorpusAsync(TestApp app, StaffBrowser client, FormField field)
    {
        var failures = new List<string>();
        var before = await SnapshotAsync(app);
        var counts = await CountsAsync(app);
        var (action, fields) = await ReadFormAsync(client, field);
        foreach (var value in field.Corpus)
        {
            var posted = new Dictionary<string, string>(fields, StringComparer.OrdinalIgnoreCase);
            foreach (var (name, also) in field.Also ?? new Dictionary<string, string>())
            {
                posted[name] = also;
            }

            posted[field.Field] = value.Value;
            if (field.Mirror is { } mirror)
            {
                posted[mirror] = value.Value;
            }

            using var response = await client.PostAsync(action, new FormUrlEncodedContent(posted));
            if (await RefusalProblemAsync(client, response) is { } problem)
            {
                failures.Add($"{field} <- {value.Name}: {problem}");
            }

            if (await CountsAsync(app) != counts)
            {
                failures.Add($"{field} <- {value.Name}: rows were added or removed");
                counts = await CountsAsync(app);
            }
        }

        if (await SnapshotAsync(app) != before)
        {
            failures.Add($"{field}: the database changed");
        }

        return failures;
    }

    /// <summary>Posts the form as rendered, with only <see cref="FormField.Also"/> changed, and returns the status: proof that the form itself is sound.</summary>
    public static async Task<HttpStatusCode> PostControlAsync(StaffBrowser client, FormField field)
    {
        var (action, fields) = await ReadFormAsync(client, field);
        foreach (var (name, also) in field.Also ?? new Dictionary<string, string>())
        {
            fields[name] = also;
        }

        using var response = await client.PostAsync(action, new FormUrlEncodedContent(fields));
        if (response.StatusCode == HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"The control post of {field} was refused: {Error(await Html.ParseAsync(response))}");
        }

        return response.StatusCode;
    }

    /// <summary>Null when the response refuses with a message: a 4xx, the form again with a message, or a redirect to a page that shows one.</summary>
    public static async Task<string?> RefusalProblemAsync(StaffBrowser client, HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        if (status is >= 400 and < 500)
        {
            return null;
        }

        if (status == 200)
        {
            return Error(await Html.ParseAsync(response)) is null ? "200 without an error message" : null;
        }

        if (status == 302 && response.Location() is { } location && !response.GoesToSignIn(client.Url))
        {
            using var next = await client.GetAsync(location);
            return Message(await Html.ParseAsync(next)) is null ? $"redirected to {location}, which shows no message" : null;
        }

        return $"{status} {Truncate(await response.Content.ReadAsStringAsync())}";
    }

    /// <summary>The first error message on a form posted back, if any.</summary>
    public static string? Error(IDocument page) =>
        page.QuerySelectorAll(".text-danger, .alert-danger, [role=alert], .invalid-feedback, .field-validation-error")
            .Select(e => e.Text())
            .FirstOrDefault(t => t.Length > 0);

    /// <summary>The first error or status message on a page a refused post redirected to, if any.</summary>
    public static string? Message(IDocument page) =>
        page.QuerySelectorAll(".text-danger, .alert, [role=alert], [role=status], .invalid-feedback, .field-validation-error")
            .Select(e => e.Text())
            .FirstOrDefault(t => t.Length > 0);

    /// <summary>The form of <see cref="FormField.Page"/> that the field belongs to: its action and the fields it would post as it stands.</summary>
    public static async Task<(string Action, Dictionary<string, string> Fields)> ReadFormAsync(StaffBrowser client, FormField field)
    {
        using var get = await client.GetAsync(field.Page);
        if (get.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"{field}: the page answered {(int)get.StatusCode} {get.Location()}");
        }

        var page = await Html.ParseAsync(get);
        var form = page.QuerySelectorAll<IHtmlFormElement>("form[method=post]")
            .Where(f => field.Handler is null || (f.GetAttribute("action") ?? string.Empty).Contains("handler=" + field.Handler, StringComparison.OrdinalIgnoreCase))
            .Where(f => field.Match is null || field.Match.All(m => f.Fields().TryGetValue(m.Key, out var value) && value == m.Value))
            .FirstOrDefault(f => field.Handler is not null || f.Fields().Keys.Any(name => string.Equals(name, field.Field, StringComparison.OrdinalIgnoreCase) || field.Also?.ContainsKey(name) == true))
            ?? throw new InvalidOperationException($"No form for {field} on {field.Page}.");
        var action = form.GetAttribute("action");
        return (string.IsNullOrEmpty(action) ? field.Page : action, form.Fields());
    }

    private static async Task<string> SnapshotAsync(TestApp app)
    {
        await using var scope = app.CreateDbScope();
        return await DatabaseSnapshot.TakeAsync(scope.Db);
    }

    private static async Task<string> CountsAsync(TestApp app)
    {
        await using var scope = app.CreateDbScope();
        return await DatabaseSnapshot.RowCountsAsync(scope.Db);
    }

    private static string Truncate(string text) => text.Length > 300 ? text[..300] + "..." : text;
}
