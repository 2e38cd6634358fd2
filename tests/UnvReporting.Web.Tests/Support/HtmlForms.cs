using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace UnvReporting.Web.Tests.Support;

/// <summary>The tests' one form reader: what a browser would post from a form as the page shows it.</summary>
public static class HtmlForms
{
    public const string AntiforgeryField = "__RequestVerificationToken";

    public static IHtmlFormElement Form(this IDocument page, string selector = "form[method=post]") =>
        page.QuerySelector<IHtmlFormElement>(selector) ?? throw new InvalidOperationException($"No form {selector} on {page.Url}.");

    /// <summary>
    /// The name and value of every control the form posts, its antiforgery token included: its own
    /// controls and those elsewhere that name it in their <c>form</c> attribute; unticked boxes and
    /// buttons left out (a browser sends only the button clicked). Where a name repeats (a tick box and its hidden "false"), the first
    /// counts, as model binding reads it. Names compare without case, as model binding does.
    /// </summary>
    public static Dictionary<string, string> Fields(this IHtmlFormElement form)
    {
        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var control in Controls(form))
        {
            if (control is IHtmlInputElement { Type: "checkbox" or "radio" } box && !box.IsChecked)
            {
                continue;
            }

            if (control is IHtmlInputElement { Type: "submit" or "button" or "image" or "reset" })
            {
                continue;
            }

            fields.TryAdd(control.GetAttribute("name")!, ValueOf(control));
        }

        return fields;
    }

    /// <summary>The path (and query) the form posts to: its action, or the page's own address when it has none.</summary>
    public static string Action(this IHtmlFormElement form)
    {
        var action = form.GetAttribute("action");
        if (!string.IsNullOrEmpty(action))
        {
            return action;
        }

        var page = new Uri(form.Owner!.Url);
        return page.PathAndQuery;
    }

    /// <summary>The antiforgery token of the page's first form that carries one.</summary>
    public static string AntiforgeryToken(this IDocument page) =>
        page.QuerySelector($"input[name={AntiforgeryField}]")?.GetAttribute("value")
        ?? throw new InvalidOperationException($"{page.Url} has no form with an antiforgery token.");

    /// <summary>The message shown next to a field: the element its <c>aria-describedby</c> names.</summary>
    public static string ErrorFor(this IDocument page, string errorId) =>
        page.QuerySelector($"#{errorId}")?.Text() ?? throw new InvalidOperationException($"No #{errorId} on {page.Url}.");

    private static IEnumerable<IElement> Controls(IHtmlFormElement form)
    {
        const string Named = "input[name], textarea[name], select[name]";
        var own = form.QuerySelectorAll(Named);
        var id = form.GetAttribute("id");
        return string.IsNullOrEmpty(id)
            ? own
            : own.Concat(form.Owner!.QuerySelectorAll(Named).Where(e => e.GetAttribute("form") == id));
    }

    private static string ValueOf(IElement control) => control switch
    {
        IHtmlTextAreaElement area => area.Value,
        IHtmlSelectElement select => select.SelectedOptions.FirstOrDefault()?.Value ?? select.Options.FirstOrDefault()?.Value ?? string.Empty,
        _ => control.GetAttribute("value") ?? string.Empty,
    };
}
