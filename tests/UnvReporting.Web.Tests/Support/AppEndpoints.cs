using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace UnvReporting.Web.Tests.Support;

/// <summary>
/// The app's endpoints as routing knows them (its <see cref="EndpointDataSource"/>), and the
/// handlers of each Razor page read from its page model, so tests enumerate what the app serves
/// instead of a hand-kept list.
/// </summary>
public static partial class AppEndpoints
{
    /// <summary>One way in: a method and a route, with the page handler name for Razor Pages ("" for the default handler).</summary>
    public sealed record Handler(string Method, string Route, string? PageHandler, RouteEndpoint Endpoint)
    {
        public bool IsPage => PageHandler is not null;

        public override string ToString() =>
            $"{Method} {Route}{(string.IsNullOrEmpty(PageHandler) ? string.Empty : "?handler=" + PageHandler)}";
    }

    public static IReadOnlyList<RouteEndpoint> All(TestApp app) =>
        app.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();

    /// <summary>Whether MapStaticAssets made the endpoint: a file of wwwroot, public by nature.</summary>
    public static bool IsStaticFile(Endpoint endpoint) =>
        endpoint.Metadata.Any(m => m.GetType().Name == "StaticAssetDescriptor");

    /// <summary>Protected: it names an authorization policy or role, and nothing lets anonymous callers past it.</summary>
    public static bool IsProtected(Endpoint endpoint) =>
        endpoint.Metadata.GetMetadata<IAllowAnonymous>() is null
        && (endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Count > 0 || endpoint.Metadata.GetMetadata<AuthorizationPolicy>() is not null);

    public static string Route(RouteEndpoint endpoint) => "/" + endpoint.RoutePattern.RawText!.TrimStart('/');

    /// <summary>
    /// Every handler of every page and every method of every other endpoint, static files left
    /// out. A page's handlers are its model's public <c>On{Method}{Name}[Async]</c> methods; a page
    /// without a model answers GET.
    /// </summary>
    public static IReadOnlyList<Handler> Handlers(TestApp app)
    {
        var assembly = typeof(Program).Assembly;
        var found = new List<Handler>();
        foreach (var endpoint in All(app).Where(e => !IsStaticFile(e)))
        {
            var route = Route(endpoint);
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                var model = assembly.GetType("UnvReporting.Web.Features" + page.ViewEnginePath.Replace('/', '.') + "Model");
                if (model is null)
                {
                    found.Add(new Handler("GET", route, string.Empty, endpoint));
                    continue;
                }

                // Handlers a shared base page model declares count too, as Razor Pages finds them.
                foreach (var method in model.GetMethods(BindingFlags.Public | BindingFlags.Instance).Where(m => m.DeclaringType!.Assembly == assembly))
                {
                    if (HandlerName().Match(method.Name) is { Success: true } match)
                    {
                        found.Add(new Handler(match.Groups[1].Value.ToUpperInvariant(), route, match.Groups[2].Value, endpoint));
                    }
                }
            }
            else
            {
                var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"];
                found.AddRange(methods.Select(m => new Handler(m, route, null, endpoint)));
            }
        }

        return found.DistinctBy(h => h.ToString()).OrderBy(h => h.ToString(), StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// A real address for a route: the draft year (2020) or a published one, the indicator 1.1, a
    /// statistic id of the draft year, the 2018-2021 framework. Optional parameters are left out.
    /// </summary>
    public static string Fill(Handler handler, int year, long factId)
    {
        var address = handler.Route
            .Replace("{year:int}", year.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{year}", year.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{key}", "1.1", StringComparison.Ordinal)
            .Replace("{metric}", "volunteers_deployed", StringComparison.Ordinal)
            .Replace("{code}", "2018-2021", StringComparison.Ordinal)
            .Replace("{format}", "xlsx", StringComparison.Ordinal)
            .Replace("{documentName}", "v1", StringComparison.Ordinal)
            .Replace("{id:guid}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
            .Replace("{id:long}", factId.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        address = OptionalParameter().Replace(address, string.Empty);
        if (address.Contains('{', StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"No value to fill {handler.Route} with: teach AppEndpoints.Fill the new parameter.");
        }

        return string.IsNullOrEmpty(handler.PageHandler) ? address : address + "?handler=" + handler.PageHandler;
    }

    [GeneratedRegex("^On(Get|Post|Put|Delete|Patch)(\\w*?)(Async)?$")]
    private static partial Regex HandlerName();

    [GeneratedRegex("/\\{[^}]+\\?\\}")]
    private static partial Regex OptionalParameter();
}
