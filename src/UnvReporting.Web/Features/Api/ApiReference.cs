using System.IO.Compression;
using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;
using Scalar.AspNetCore;

namespace UnvReporting.Web.Features.Api;

/// <summary>
/// The interactive API reference at <c>/api/reference</c> (Features/Api/Reference.cshtml): Scalar
/// renders the OpenAPI document in the browser. Its standalone bundle ships inside the
/// Scalar.AspNetCore package and is served from here, so the page loads nothing from another
/// host. Scalar's own page is not used: it configures the bundle with an inline script, which the
/// site's CSP refuses (docs/decisions/ADR-014).
/// </summary>
public static class ApiReference
{
    public const string Path = "/api/reference";

    public const string BundlePath = Path + "/scalar.js";

    /// <summary>The name Scalar.AspNetCore embeds its bundle under; a test fails if an upgrade moves it.</summary>
    internal const string BundleResource = "ScalarStaticAssets.scalar.js";

    private const string JavaScript = "text/javascript; charset=utf-8";

    private static readonly Lazy<Bundle> Content = new(Bundle.Load);

    /// <summary>The bundle's address with its content hash: a new package version is a new address, so browsers may keep the file for a year.</summary>
    public static string BundleUrl => $"{BundlePath}?v={Content.Value.Version}";

    public static IEndpointRouteBuilder MapApiReference(this IEndpointRouteBuilder app)
    {
        app.MapGet(BundlePath, ServeBundle).ExcludeFromDescription();
        return app;
    }

    private static IResult ServeBundle(HttpContext context)
    {
        var bundle = Content.Value;
        var headers = context.Response.Headers;
        headers.CacheControl = context.Request.Query["v"] == bundle.Version ? "public, max-age=31536000, immutable" : "no-cache";
        headers.Vary = HeaderNames.AcceptEncoding;
        var etag = new EntityTagHeaderValue($"\"{bundle.Version}\"");

        // Stored gzipped in the package: sent as it is to the browsers that accept it (all of them), unpacked for the rest.
        if (bundle.Gzipped && AcceptsGzip(context.Request))
        {
            headers.ContentEncoding = "gzip";
            return TypedResults.Bytes(bundle.Stored, JavaScript, entityTag: etag);
        }

        return TypedResults.Bytes(bundle.Plain.Value, JavaScript, entityTag: etag);
    }

    private static bool AcceptsGzip(HttpRequest request) =>
        request.GetTypedHeaders().AcceptEncoding.Any(coding =>
            coding.Value.Equals("gzip", StringComparison.OrdinalIgnoreCase) && (coding.Quality ?? 1) > 0);

    private sealed class Bundle
    {
        private Bundle(byte[] stored)
        {
            Stored = stored;
            Gzipped = stored is [0x1f, 0x8b, ..];
            Version = Convert.ToHexStringLower(SHA256.HashData(stored))[..16];
            Plain = new Lazy<byte[]>(() => Gzipped ? Unpack(stored) : stored);
        }

        public byte[] Stored { get; }

        public bool Gzipped { get; }

        public string Version { get; }

        public Lazy<byte[]> Plain { get; }

        public static Bundle Load()
        {
            using var resource = typeof(ScalarOptions).Assembly.GetManifestResourceStream(BundleResource)
                ?? throw new InvalidOperationException($"Scalar.AspNetCore no longer embeds {BundleResource}: see docs/decisions/ADR-014 before upgrading it.");
            using var copy = new MemoryStream();
            resource.CopyTo(copy);
            return new Bundle(copy.ToArray());
        }

        private static byte[] Unpack(byte[] gzipped)
        {
            using var unpacked = new MemoryStream();
            using (var gzip = new GZipStream(new MemoryStream(gzipped), CompressionMode.Decompress))
            {
                gzip.CopyTo(unpacked);
            }

            return unpacked.ToArray();
        }
    }
}
