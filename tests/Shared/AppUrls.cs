using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace UnvReporting.Testing;

/// <summary>
/// Addresses made by the app's own routing: a page by the name <c>RedirectToPage</c> and
/// <c>asp-page</c> use (relative to <c>Features/</c>, such as <c>/Staff/Years/Year</c>), an API or
/// download endpoint by the name it is mapped with (<c>.WithName("getYearIndicators")</c>). Tests
/// never copy an <c>@page</c> template or a <c>MapGet</c> pattern, so an address changes in one
/// place. Values the route does not take become the query string, in the order given.
/// </summary>
public sealed class AppUrls(IServiceProvider services)
{
    private LinkGenerator Links => services.GetRequiredService<LinkGenerator>();

    public string Page(string pageName, object? values = null) => Page(pageName, handler: null, values);

    public string Page(string pageName, string? handler, object? values = null) =>
        Links.GetPathByPage(pageName, handler, values)
        ?? throw new InvalidOperationException(
            $"The app makes no address for page {pageName}{(handler is null ? string.Empty : " handler " + handler)} with {Describe(values)}: "
            + "page names are relative to Features/ (\"/Staff/Years/Year\"), and the route's values must all be given.");

    public string Endpoint(string endpointName, object? values = null) =>
        Links.GetPathByName(endpointName, values)
        ?? throw new InvalidOperationException(
            $"The app makes no address for endpoint {endpointName} with {Describe(values)}: the name is the one given to .WithName(...).");

    // The signed-in part of the app, by what each page is for. Public addresses (/indicators/2021,
    // the API) are part of the product's contract, linked from elsewhere: tests spell those out.

    public string SignIn => Page("/Account/SignIn");

    public string SignOut => Page("/Account/SignOut");

    public string Password => Page("/Account/Password");

    public string Staff => Page("/Staff/Index");

    public string StaffYear(int year) => Page("/Staff/Years/Year", new { year });

    public string NewYear => Page("/Staff/Years/New");

    public string Statistics(int year) => Page("/Staff/Years/Statistics/Index", new { year });

    public string NewStatistic(int year) => Page("/Staff/Years/Statistics/New", new { year });

    public string EditStatistic(int year, long id) => Page("/Staff/Years/Statistics/Edit", new { year, id });

    public string DeleteStatistic(int year, long id) => Page("/Staff/Years/Statistics/Delete", new { year, id });

    public string Import(int year) => Page("/Staff/Years/Import/Index", new { year });

    /// <summary>The import template of a year, as <c>xlsx</c> or <c>csv</c>.</summary>
    public string ImportTemplate(int year, string format) => Page("/Staff/Years/Import/Template", new { year, format });

    public string Users => Page("/Admin/Users/Index");

    public string NewUser => Page("/Admin/Users/New");

    public string Definitions(int year) => Page("/Admin/Years/Definitions", new { year });

    /// <summary>
    /// The audit log, filtered by the given query values (<c>new { user = "editor.one" }</c>). Its
    /// <c>page</c> parameter cannot go in them: to the routing, <c>page</c> names the Razor page.
    /// </summary>
    public string Audit(object? filter = null) => Page("/Admin/Audit/Index", filter);

    public string Frameworks => Page("/Admin/Frameworks/Index");

    public string Framework(string code) => Page("/Admin/Frameworks/Edit", new { code });

    public string Areas(string code) => Page("/Admin/Frameworks/Areas", new { code });

    public string FrameworkIndicators(string code) => Page("/Admin/Frameworks/Indicators", new { code });

    public string FrameworkImport(string code) => Page("/Admin/Frameworks/Import/Index", new { code });

    public string FrameworkTemplate(string code, string format) => Page("/Admin/Frameworks/Import/Template", new { code, format });

    private static string Describe(object? values) =>
        values is null ? "no values" : string.Join(", ", new RouteValueDictionary(values).Select(v => $"{v.Key}={v.Value}"));
}
