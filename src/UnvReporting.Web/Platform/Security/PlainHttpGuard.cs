using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Filters;

namespace UnvReporting.Web.Platform.Security;

/// <summary>
/// What the app does when <c>Cookies:HttpsOnly</c> is on (the default outside Development) but
/// requests arrive over plain HTTP: it warns once at start-up, the sign-in page explains instead
/// of showing its form, and a form post is sent back as a GET instead of failing with a 500
/// (docs/security.md, "Cookies"). It does not refuse to start: behind a proxy that ends TLS the
/// app listens on plain HTTP by design, and sees HTTPS through the forwarded headers.
/// </summary>
public static class PlainHttpGuard
{
    public static void Add(IServiceCollection services)
    {
        services.Configure<MvcOptions>(options => options.Filters.Add<PlainHttpPostFilter>(PlainHttpPostFilter.Order));
        services.AddHostedService<PlainHttpWarning>();
    }

    /// <summary>
    /// Antiforgery throws on a post over plain HTTP when its cookie must be Secure, which the
    /// reader saw as the error page. The post is answered with a redirect to the same address
    /// instead; for the sign-in page that is the page that explains. Ordered after authorization
    /// (order 0), so a visitor's post to a staff page still goes to sign-in, and before the
    /// antiforgery check (order 1000).
    /// </summary>
    internal sealed class PlainHttpPostFilter(SiteCookies cookies) : IAuthorizationFilter
    {
        public const int Order = 500;

        public void OnAuthorization(AuthorizationFilterContext context)
        {
            var request = context.HttpContext.Request;
            var safe = HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)
                || HttpMethods.IsOptions(request.Method) || HttpMethods.IsTrace(request.Method);
            if (!safe && cookies.NeedHttpsFor(request))
            {
                context.Result = new LocalRedirectResult($"{request.PathBase}{request.Path}{request.QueryString}");
            }
        }
    }

    /// <summary>
    /// Once Kestrel listens, one warning when every address is plain HTTP and no proxy's scheme is
    /// believed (ForwardedHeaders off): with HTTPS-only cookies nobody could sign in.
    /// </summary>
    internal sealed class PlainHttpWarning(
        IServer server,
        IHostApplicationLifetime lifetime,
        SiteCookies cookies,
        IServiceProvider services,
        ILogger<SiteCookies> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            lifetime.ApplicationStarted.Register(Check);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        private void Check()
        {
            var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses.ToList() ?? [];
            var proxied = services.GetService<ForwardedHeadersSettings>() is not null;
            if (!cookies.HttpsOnly || proxied || addresses.Count == 0
                || addresses.Any(a => a.StartsWith("https:", StringComparison.OrdinalIgnoreCase)))
            {
                return;
            }

            logger.LogWarning(
                "Cookies:HttpsOnly is on, but the app listens on plain HTTP only ({Addresses}) and ForwardedHeaders:Enabled is off, " +
                "so nobody can sign in (the sign-in page says so). Serve HTTPS, or put a proxy that ends TLS in front and set " +
                "ForwardedHeaders:Enabled=true, or, for a local trial only, set Cookies:HttpsOnly=false (docs/security.md)",
                string.Join(", ", addresses));
        }
    }
}
