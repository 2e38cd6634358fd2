using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace UnvReporting.Web.Platform.Text;

/// <summary>
/// The language switcher's links: the page the reader asked for, in another language. The address
/// is generated from that page's route, never copied from the request: a request for
/// <c>//evil.example/x</c> (or <c>/\evil.example</c>) would otherwise render a link to another
/// site, since browsers read both as "another host" (ASVS 5.0 1.2.2). On an error page that is the
/// failed page's route; an address that matched no page has none, so the link shows the error page
/// itself in the other language.
/// </summary>
public static class LanguageLinks
{
    private static readonly string[] LanguageKeys = ["culture", "ui-culture"];

    public static string To(HttpContext context, CultureInfo culture)
    {
        var links = context.RequestServices.GetRequiredService<LinkGenerator>();
        var asked = Asked(context);
        var path = asked.RouteValues?.ContainsKey("page") == true
            ? links.GetPathByRouteValues(routeName: null, asked.RouteValues, context.Request.PathBase)
            : null;
        var kept = path is null ? [] : Kept(asked.Endpoint, asked.Query);
        path ??= links.GetPathByRouteValues(routeName: null, context.Request.RouteValues, context.Request.PathBase) ?? context.Request.PathBase + "/";

        var query = kept
            .SelectMany(q => q.Value.Select(v => Uri.EscapeDataString(q.Key) + "=" + Uri.EscapeDataString(v ?? string.Empty)))
            .Append("culture=" + Uri.EscapeDataString(culture.Name));
        return path + "?" + string.Join("&", query);
    }

    /// <summary>The route, endpoint and query of the request the reader made, before any error page took over.</summary>
    private static (RouteValueDictionary? RouteValues, Endpoint? Endpoint, IEnumerable<KeyValuePair<string, StringValues>> Query) Asked(HttpContext context)
    {
        if (context.Features.Get<IStatusCodeReExecuteFeature>() is { } reExecuted)
        {
            return (reExecuted.RouteValues, reExecuted.Endpoint, QueryHelpers.ParseQuery(reExecuted.OriginalQueryString));
        }

        if (context.Features.Get<IExceptionHandlerPathFeature>() is { } failed)
        {
            return (failed.RouteValues, failed.Endpoint, context.Request.Query);
        }

        return (context.Request.RouteValues, context.GetEndpoint(), context.Request.Query);
    }

    /// <summary>
    /// A page served from the output cache keeps only the query keys its cached copy varies on:
    /// anything else would be whatever the first visitor sent, shown to every later one. Pages
    /// outside the cache (staff pages, sign-in) keep their whole query.
    /// </summary>
    private static IEnumerable<KeyValuePair<string, StringValues>> Kept(Endpoint? endpoint, IEnumerable<KeyValuePair<string, StringValues>> query)
    {
        var languageless = query.Where(q => !LanguageKeys.Contains(q.Key, StringComparer.OrdinalIgnoreCase));
        return endpoint?.Metadata.GetMetadata<OutputCacheAttribute>() is { } cached
            ? languageless.Where(q => cached.VaryByQueryKeys?.Contains(q.Key, StringComparer.OrdinalIgnoreCase) == true)
            : languageless;
    }
}
