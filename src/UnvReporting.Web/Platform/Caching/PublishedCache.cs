using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.EntityFrameworkCore.Diagnostics;
using UnvReporting.Web.Platform.Configuration;

namespace UnvReporting.Web.Platform.Caching;

/// <summary>The <c>Performance</c> section of configuration.</summary>
public sealed class PerformanceOptions
{
    public const string Section = "Performance";

    /// <summary>Serve anonymous published pages and API answers from memory. Off only for measuring.</summary>
    public bool OutputCache { get; set; } = true;

    /// <summary>
    /// How long a cached answer may live even if no change is heard of. Changes evict at once; this
    /// only bounds how stale an answer can get if an eviction message were ever lost.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "366.00:00:00")]
    [Accepts("a positive time span such as 00:10:00")]
    public TimeSpan OutputCacheLifetime { get; set; } = TimeSpan.FromMinutes(10);
}

/// <summary>
/// The output cache of what visitors read: the public pages and the read API. Every answer is
/// tagged <see cref="Tag"/>, varies by path, the query keys it reads and culture, and is evicted as a whole when any
/// domain row is saved (<see cref="PublishedCacheInterceptor"/>), on this instance at once and on the
/// others through PostgreSQL NOTIFY (<see cref="PublishedCacheListener"/>). Signed-in staff and
/// bearer-token callers are never served from it nor stored in it (the default policy refuses
/// authenticated requests), because they see unpublished years.
/// </summary>
public static class PublishedCache
{
    /// <summary>The policy the public pages and API endpoints name.</summary>
    public const string Policy = "published";

    public const string Tag = "published";

    /// <summary>The PostgreSQL channel on which instances tell each other that published data changed.</summary>
    public const string Channel = "unv_published_changed";

    /// <summary>The query keys that choose a language (ASP.NET Core's query string culture provider).</summary>
    private static readonly string[] LanguageKeys = ["culture", "ui-culture"];

    public static PerformanceOptions AddUnvOutputCache(this WebApplicationBuilder builder, DatabaseOptions database)
    {
        var options = builder.AddSettings<PerformanceOptions>(PerformanceOptions.Section);
        builder.Services.AddOutputCache(cache => cache.AddPolicy(Policy, policy => policy
            .Tag(Tag)
            .Expire(options.OutputCacheLifetime)

            // Only the query keys an answer reads are in its key: ASP.NET Core's default, every
            // key, let ?z=<random> miss the cache each time and fill it with copies of one page.
            // The language keys are in every key, so that ?culture= is answered by the app (the
            // API refuses a language it does not offer; a page sets the language cookie). A page
            // that reads more names its keys: [OutputCache(..., VaryByQueryKeys = ...)].
            .SetVaryByQuery(LanguageKeys)

            // The culture comes from ?culture= (already in the key) or from the cookie (not in it).
            .VaryByValue(_ => new KeyValuePair<string, string>("culture", CultureInfo.CurrentUICulture.Name))

            // Stored compressed (CachedAnswerCompression), so each encoding has its own copy.
            .VaryByValue(context => new KeyValuePair<string, string>("encoding", CachedAnswerCompression.CacheKeyPart(context)))));
        builder.Services.AddSingleton<IResponseCompressionProvider, CachedAnswerCompression>();
        builder.Services.AddSingleton<PublishedCacheEviction>();
        builder.Services.AddSingleton<IInterceptor, PublishedCacheInterceptor>();
        if (database.Provider == DatabaseProvider.Postgres)
        {
            builder.Services.AddHostedService<PublishedCacheListener>();
        }

        return options;
    }

    /// <summary>
    /// After authentication (so staff are recognised and bypass it) and authorization. Without the
    /// middleware the policies named by endpoints do nothing, which is what "off" means.
    /// Compression sits inside it, so what is stored is the compressed answer; with the cache off
    /// nothing is compressed.
    /// </summary>
    public static void UseUnvOutputCache(this WebApplication app, PerformanceOptions options)
    {
        if (options.OutputCache)
        {
            app.UseOutputCache();
            app.Use(CachedAnswerCompression.MarkVaryAsync);
            app.UseResponseCompression();
        }
    }
}

/// <summary>Empties this instance's cache of published answers.</summary>
public sealed class PublishedCacheEviction(IOutputCacheStore store, IHostApplicationLifetime lifetime, ILogger<PublishedCacheEviction> logger)
{
    /// <summary>
    /// A request that read the old figures just before a change committed can finish, and be
    /// stored, just after the eviction. Evicting once more a little later removes such an answer;
    /// a request slower than this is rare and lives at most the cache's lifetime.
    /// </summary>
    public static readonly TimeSpan SecondEviction = TimeSpan.FromSeconds(3);

    /// <summary>Names this process in NOTIFY payloads, so an instance does not evict twice for its own change.</summary>
    public string InstanceId { get; } = Guid.NewGuid().ToString("N");

    public async ValueTask EvictAsync(string why, CancellationToken cancellationToken = default)
    {
        await store.EvictByTagAsync(PublishedCache.Tag, cancellationToken);
        logger.LogDebug("Published answers evicted: {Why}", why);

        // Before the server takes requests (the reference data loaded at start-up) no reader can
        // be under way; a second eviction then would only empty the cache of the first visitors.
        if (lifetime.ApplicationStarted.IsCancellationRequested)
        {
            _ = EvictAgainLaterAsync(why);
        }
    }

    private async Task EvictAgainLaterAsync(string why)
    {
        try
        {
            await Task.Delay(SecondEviction);
            await store.EvictByTagAsync(PublishedCache.Tag, CancellationToken.None);
        }
        catch (Exception exception)
        {
            logger.LogWarning(exception, "The second eviction of published answers ({Why}) failed; they expire on their own.", why);
        }
    }
}
