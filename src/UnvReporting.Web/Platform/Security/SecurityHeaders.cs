using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace UnvReporting.Web.Platform.Security;

/// <summary>
/// The browser-side defences every response carries: pages, the API, downloads, static files and
/// error answers alike (docs/security.md, "Response headers").
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// Scripts and styles only from the site's own files. No nonces: public pages are cached
    /// whole, and a per-request nonce cannot survive a cache. Chart data travels in
    /// <c>&lt;script type="application/json"&gt;</c> blocks, which browsers never run, and Chart.js
    /// and Bootstrap set styles through the CSSOM, which <c>style-src</c> does not govern.
    /// <c>img-src data:</c> is for Bootstrap's icons, which its CSS embeds as data URIs; no page
    /// uses a <c>&lt;base&gt;</c> element, so <c>base-uri 'none'</c> (ASVS 5.0 3.4.3).
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// The full address stays on the site (operators read it in their logs); another site learns
    /// only the origin, never a staff address or its query.
    /// </summary>
    public const string ReferrerPolicy = "strict-origin-when-cross-origin";

    /// <summary>The dashboard uses none of these browser features; a script injected despite the CSP cannot either.</summary>
    public const string PermissionsPolicy =
        "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()";

    /// <summary>
    /// Every method the app answers at some address. A TRACE or TRACK is refused before routing,
    /// which alone knows an address's own methods, so the 405 names the site's.
    /// </summary>
    public const string AllowedMethods = "GET, HEAD, POST, PUT";

    /// <summary>
    /// HSTS (sent by <c>UseHsts</c> outside Development, on HTTPS requests) for a year and for
    /// every subdomain, as ASVS 5.0 3.4.1 asks at level 2; ASP.NET Core's default is 30 days.
    /// Kestrel's <c>Server: Kestrel</c> header goes: it tells a prober which server's flaws to try
    /// and tells readers nothing (ASVS 5.0 13.4.6).
    /// </summary>
    public static IServiceCollection AddUnvSecurityHeaders(this IServiceCollection services) =>
        services
            .Configure<KestrelServerOptions>(options => options.AddServerHeader = false)
            .AddHsts(options =>
            {
                options.MaxAge = TimeSpan.FromDays(365);
                options.IncludeSubDomains = true;
            });

    /// <summary>
    /// Added when the response starts rather than before the rest of the pipeline runs: the
    /// exception handler clears the headers of a failed response before writing the error page,
    /// and headers set at the start would go with them.
    /// </summary>
    /// <remarks>
    /// TRACE (and Microsoft's TRACK) echo a request back, which once let a script read cookies
    /// marked HttpOnly (cross-site tracing). Nothing here implements them, yet a page ran for any
    /// method it had no handler for and failed with a 500, and the health probes answered 200. They
    /// are refused here for every address with 405, before anything else runs (ASVS 5.0 13.4.4).
    /// </remarks>
    public static IApplicationBuilder UseUnvSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            if (HttpMethods.IsTrace(context.Request.Method) || string.Equals(context.Request.Method, "TRACK", StringComparison.OrdinalIgnoreCase))
            {
                context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
                context.Response.Headers.Allow = AllowedMethods;
                AddHeaders(context.Response.Headers);
                return Task.CompletedTask;
            }

            context.Response.OnStarting(static state =>
            {
                AddHeaders(((HttpResponse)state).Headers);
                return Task.CompletedTask;
            }, context.Response);
            return next(context);
        });

    private static void AddHeaders(IHeaderDictionary headers)
    {
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = ReferrerPolicy;
        headers["Permissions-Policy"] = PermissionsPolicy;
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
    }
}
