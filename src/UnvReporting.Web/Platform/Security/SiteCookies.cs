using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Localization;
using UnvReporting.Web.Platform.Configuration;

namespace UnvReporting.Web.Platform.Security;

/// <summary>The <c>Cookies</c> section; <see cref="SiteCookies"/> is what it means.</summary>
public sealed class CookieSettings
{
    /// <summary>Unset means: on, except in Development.</summary>
    public bool? HttpsOnly { get; set; }
}

/// <summary>
/// Names and transport of the site's four cookies (staff sign-in, antiforgery, TempData, language), from
/// the <c>Cookies:HttpsOnly</c> setting (docs/security.md, "Cookies").
/// </summary>
/// <remarks>
/// With <c>HttpsOnly</c> (the default outside Development) every cookie is <c>Secure</c> and
/// carries the <c>__Host-</c> prefix, which makes the browser refuse it unless it came over HTTPS
/// with <c>Path=/</c> and no <c>Domain</c>: no other host under the same domain and no plain-HTTP
/// page can plant or overwrite it. Browsers drop such cookies over plain HTTP, so Development
/// (http://localhost) and a plain-HTTP trial (docker compose) turn the setting off; the cookies
/// are then <c>Secure</c> only when the request itself came over HTTPS. With the setting on, the
/// app must see its requests as HTTPS (behind a TLS proxy: forwarded headers), or antiforgery
/// refuses to run.
/// </remarks>
public sealed class SiteCookies
{
    public const string Section = "Cookies";

    public const string HttpsOnlySetting = Section + ":HttpsOnly";

    public const string HostPrefix = "__Host-";

    private SiteCookies(bool httpsOnly) => HttpsOnly = httpsOnly;

    public bool HttpsOnly { get; }

    /// <summary>The staff sign-in cookie (pages only; the API takes bearer tokens).</summary>
    public string Staff => Name("unv.staff");

    public string Antiforgery => Name("unv.antiforgery");

    /// <summary>A page's message to the next page after a redirect ("Account created"), protected by Data Protection.</summary>
    public string TempData => Name("unv.tempdata");

    /// <summary>The language choice, under ASP.NET Core's usual name (readers' existing choices keep working).</summary>
    public string Culture => Name(CookieRequestCultureProvider.DefaultCookieName);

    public CookieSecurePolicy SecurePolicy => HttpsOnly ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;

    public static SiteCookies From(CookieSettings settings, IHostEnvironment environment) =>
        new(settings.HttpsOnly ?? !environment.IsDevelopment());

    /// <summary>For code that needs the cookie names before <see cref="AddUnvCookies"/> registers the section (the language cookie).</summary>
    public static SiteCookies From(IConfiguration configuration, IHostEnvironment environment) =>
        From(Settings.Read<CookieSettings>(configuration.GetSection(Section)), environment);

    /// <summary>Whether a cookie written on this request is marked Secure.</summary>
    public bool IsSecure(HttpRequest request) => HttpsOnly || request.IsHttps;

    /// <summary>
    /// Whether this request came over plain HTTP although the cookies are for HTTPS only: the
    /// browser would drop them, and antiforgery refuses to issue or check a token (it throws), so
    /// no form works and nobody can sign in (<see cref="PlainHttpGuard"/>).
    /// </summary>
    public bool NeedHttpsFor(HttpRequest request) => HttpsOnly && !request.IsHttps;

    private string Name(string name) => HttpsOnly ? HostPrefix + name : name;

    /// <summary>
    /// Registers the settings, the antiforgery cookie and the TempData cookie. Both are
    /// <c>SameSite=Strict</c>: neither is needed on a request that starts on another site (a
    /// message is only ever read on the page a form post redirects to).
    /// </summary>
    public static SiteCookies AddUnvCookies(WebApplicationBuilder builder)
    {
        var cookies = From(builder.AddSettings<CookieSettings>(Section), builder.Environment);
        builder.Services.AddSingleton(cookies);
        builder.Services.Configure<AntiforgeryOptions>(options =>
        {
            options.Cookie.Name = cookies.Antiforgery;
            options.Cookie.HttpOnly = true;
            options.Cookie.Path = "/";
            options.Cookie.SecurePolicy = cookies.SecurePolicy;
        });
        builder.Services.Configure<CookieTempDataProviderOptions>(options =>
        {
            options.Cookie.Name = cookies.TempData;
            options.Cookie.HttpOnly = true;
            options.Cookie.Path = "/";
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = cookies.SecurePolicy;
        });
        PlainHttpGuard.Add(builder.Services);
        return cookies;
    }
}
