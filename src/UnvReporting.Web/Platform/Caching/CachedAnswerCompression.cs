using System.IO.Compression;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace UnvReporting.Web.Platform.Caching;

/// <summary>
/// Compresses the answers the output cache is about to store, and only those: an answer is
/// compressed once, when it is stored, and every later visitor gets the stored bytes. A year's
/// indicator table at scale is large HTML that compresses well, so serving it compressed is what
/// keeps a cached copy cheap to send (the sizes and rates are in docs/performance.md).
/// </summary>
/// <remarks>
/// Nothing else is compressed. Answers for signed-in staff carry antiforgery tokens and unpublished
/// figures next to text they typed, which is what BREACH-style attacks on compressed HTTPS need; the
/// cached answers are anonymous and hold no secret. The year downloads stream and are left as they
/// are (the whole-history ones are cached, so their CSV is compressed once like a page), and
/// compressing per request would cost every uncached request CPU (ADR-011).
/// The chosen encoding is part of the cache key (<see cref="PublishedCache"/>), so a client that
/// sends no Accept-Encoding never gets a compressed copy.
/// </remarks>
public sealed class CachedAnswerCompression : IResponseCompressionProvider
{
    public const string Brotli = "br";
    public const string Gzip = "gzip";

    private static readonly string[] CompressedTypes =
        ["text/html", "application/json", "text/csv", "text/plain", "application/problem+json"];

    private readonly ICompressionProvider brotli = new BrotliCompressionProvider(
        Options.Create(new BrotliCompressionProviderOptions { Level = CompressionLevel.Optimal }));

    private readonly ICompressionProvider gzip = new GzipCompressionProvider(
        Options.Create(new GzipCompressionProviderOptions { Level = CompressionLevel.Optimal }));

    /// <summary>
    /// The encoding to answer with for an Accept-Encoding header: Brotli or gzip, whichever the
    /// client weights higher (Brotli on a tie: it is smaller), or null for neither. "*" stands
    /// for both when they are not named; q=0 refuses one.
    /// </summary>
    public static string? Choose(StringValues acceptEncoding)
    {
        if (StringValues.IsNullOrEmpty(acceptEncoding)
            || !StringWithQualityHeaderValue.TryParseList(acceptEncoding, out var codings))
        {
            return null;
        }

        double? brotliQuality = null, gzipQuality = null, anyQuality = null;
        foreach (var coding in codings)
        {
            var quality = coding.Quality ?? 1;
            if (coding.Value.Equals(Brotli, StringComparison.OrdinalIgnoreCase))
            {
                brotliQuality = quality;
            }
            else if (coding.Value.Equals(Gzip, StringComparison.OrdinalIgnoreCase))
            {
                gzipQuality = quality;
            }
            else if (coding.Value.Equals("*", StringComparison.Ordinal))
            {
                anyQuality = quality;
            }
        }

        var forBrotli = brotliQuality ?? anyQuality ?? 0;
        var forGzip = gzipQuality ?? anyQuality ?? 0;
        if (forBrotli <= 0 && forGzip <= 0)
        {
            return null;
        }

        return forBrotli >= forGzip ? Brotli : Gzip;
    }

    /// <summary>The request's chosen encoding, as it is keyed in the cache ("" for none).</summary>
    public static string CacheKeyPart(HttpContext context) => Choose(context.Request.Headers.AcceptEncoding) ?? "";

    public bool CheckRequestAcceptsCompression(HttpContext context) =>
        WillBeStored(context) && Choose(context.Request.Headers.AcceptEncoding) is not null;

    public ICompressionProvider? GetCompressionProvider(HttpContext context) =>
        Choose(context.Request.Headers.AcceptEncoding) switch
        {
            Brotli => brotli,
            Gzip => gzip,
            _ => null,
        };

    public bool ShouldCompressResponse(HttpContext context)
    {
        var response = context.Response;

        // An answer that sets a cookie (the language chosen with ?culture=) is not stored: the
        // cache's default policy drops it only after this point, so it is checked here too.
        if (response.StatusCode != StatusCodes.Status200OK
            || response.Headers.ContainsKey(HeaderNames.SetCookie)
            || response.Headers.ContainsKey(HeaderNames.ContentEncoding)
            || response.Headers.ContainsKey(HeaderNames.ContentRange)
            || !WillBeStored(context))
        {
            return false;
        }

        var mediaType = response.ContentType is { } contentType && MediaTypeHeaderValue.TryParse(contentType, out var parsed)
            ? parsed.MediaType.Value
            : null;
        return mediaType is not null && CompressedTypes.Contains(mediaType, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Marks every answer the cache may store as varying by Accept-Encoding, the plain copy too
    /// (the compression middleware marks only the copies it compresses), so that a shared cache in
    /// front of the app does not hand one client's copy to all. Set before the page runs: the
    /// output cache copies the headers as the body starts, before any OnStarting callback.
    /// </summary>
    public static Task MarkVaryAsync(HttpContext context, RequestDelegate next)
    {
        if (WillBeStored(context))
        {
            context.Response.Headers.Append(HeaderNames.Vary, HeaderNames.AcceptEncoding);
        }

        return next(context);
    }

    /// <summary>
    /// Whether the output cache handles this request and may store its answer: the published
    /// policy applies and the caller is anonymous (its default rules refuse everyone else).
    /// </summary>
    private static bool WillBeStored(HttpContext context) =>
        context.Features.Get<IOutputCacheFeature>()?.Context is { EnableOutputCaching: true, AllowCacheStorage: true };
}
