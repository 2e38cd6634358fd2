using Microsoft.AspNetCore.Localization;
using UnvReporting.Web.Platform.Configuration;

namespace UnvReporting.Web.Platform.Text;

/// <summary>The <c>Localization</c> section.</summary>
public sealed class LanguageSettings
{
    public const string Section = "Localization";

    /// <summary>
    /// The cultures offered as configured; empty means <see cref="Localization.DefaultCultures"/>.
    /// Empty rather than the defaults themselves, because binding adds configured entries to an
    /// array's existing ones: a configured list must replace the defaults, not follow them.
    /// </summary>
    public string[] Cultures { get; set; } = [];
}

/// <summary>
/// English by default, Chinese on request (docs/decisions/ADR-007). A language is chosen with
/// <c>?culture=zh-Hans</c> and remembered in a cookie; the browser's Accept-Language is not
/// consulted, so every visitor sees the same English page until they choose.
/// </summary>
public static class Localization
{
    public const string DefaultCulture = "en";

    public static readonly IReadOnlyList<string> DefaultCultures = [DefaultCulture, "zh-Hans"];

    /// <summary>The cultures offered, from <c>Localization:Cultures</c>; a new language is its resource file plus an entry here.</summary>
    public static IReadOnlyList<CultureInfo> SupportedCultures(LanguageSettings settings)
    {
        var names = settings.Cultures.Length > 0 ? settings.Cultures : DefaultCultures;
        return names.Select(Culture).ToList();
    }

    public static WebApplicationBuilder AddUnvLocalization(this WebApplicationBuilder builder)
    {
        builder.Services.AddLocalization(options => options.ResourcesPath = "Resources");

        // Form labels ([Display]) and validation messages come from the one resource file too,
        // not from a file per page model.
        builder.Services.Configure<Microsoft.AspNetCore.Mvc.DataAnnotations.MvcDataAnnotationsLocalizationOptions>(options =>
            options.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)));
        var cultures = SupportedCultures(builder.AddSettings<LanguageSettings>(LanguageSettings.Section));
        var cookieName = SiteCookies.From(builder.Configuration, builder.Environment).Culture;
        builder.Services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture(DefaultCulture);
            options.SupportedCultures = cultures.ToList();
            options.SupportedUICultures = cultures.ToList();
            options.RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider(),
                new CookieRequestCultureProvider { CookieName = cookieName },
            ];
        });
        return builder;
    }

    /// <summary>
    /// Applies the request culture and, when a page was asked for with a supported
    /// <c>?culture=</c>, remembers the choice in the culture cookie. Only a display preference is
    /// stored, so a plain link can switch language and public pages need no antiforgery token.
    /// </summary>
    public static IApplicationBuilder UseUnvLocalization(this IApplicationBuilder app)
    {
        // The API takes its language from ?culture= only: an answer must not change with a
        // cookie the client may not know it sends.
        var pages = app.ApplicationServices.GetRequiredService<IOptions<RequestLocalizationOptions>>().Value;
        var api = new RequestLocalizationOptions
        {
            DefaultRequestCulture = pages.DefaultRequestCulture,
            SupportedCultures = pages.SupportedCultures,
            SupportedUICultures = pages.SupportedUICultures,
            RequestCultureProviders = [new QueryStringRequestCultureProvider()],
        };
        app.UseWhen(IsApi, branch => branch.UseRequestLocalization(api));
        app.UseWhen(context => !IsApi(context), branch => branch.UseRequestLocalization(pages));
        var cookies = app.ApplicationServices.GetRequiredService<SiteCookies>();
        return app.Use(async (context, next) =>
        {
            if (context.Request.Query.ContainsKey("culture")
                && !IsApi(context)
                && context.Features.Get<IRequestCultureFeature>()?.Provider is QueryStringRequestCultureProvider)
            {
                var culture = context.Features.Get<IRequestCultureFeature>()!.RequestCulture;
                // HttpOnly: no script reads the language; the server renders it into every page.
                context.Response.Cookies.Append(
                    cookies.Culture,
                    CookieRequestCultureProvider.MakeCookieValue(culture),
                    new CookieOptions
                    {
                        Expires = DateTimeOffset.UtcNow.AddYears(1),
                        IsEssential = true,
                        HttpOnly = true,
                        SameSite = SameSiteMode.Lax,
                        Secure = cookies.IsSecure(context.Request),
                        Path = "/",
                    });
            }

            await next(context);
        });
    }

    private static CultureInfo Culture(string name)
    {
        try
        {
            return CultureInfo.GetCultureInfo(name);
        }
        catch (CultureNotFoundException exception)
        {
            throw new InvalidOperationException($"{LanguageSettings.Section}:{nameof(LanguageSettings.Cultures)} must hold culture names such as zh-Hans (got '{name}').", exception);
        }
    }

    private static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api");

    /// <summary>True when the current UI language is Chinese.</summary>
    public static bool IsChinese => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "zh";

    /// <summary>
    /// The text in the current UI language: the Chinese text for Chinese, the English text for
    /// every other language (and when no Chinese text exists).
    /// </summary>
    public static string Pick(string english, string? chinese) =>
        IsChinese && !string.IsNullOrWhiteSpace(chinese) ? chinese : english;

    /// <summary>
    /// "en" for text staff typed in English (Latin letters, no Chinese), to mark data that has no
    /// Chinese version on a Chinese page; null when it is Chinese or has no words.
    /// </summary>
    public static string? LanguageOf(string text) =>
        text.Any(char.IsAsciiLetter) && !text.Any(c => c is >= '\u4e00' and <= '\u9fff') ? DefaultCulture : null;

    /// <summary>The cultures offered, as configured, for the language switcher.</summary>
    public static IReadOnlyList<CultureInfo> Offered(this HttpContext context) =>
        context.RequestServices.GetRequiredService<IOptions<RequestLocalizationOptions>>().Value.SupportedUICultures?.ToList() ?? [];
}
