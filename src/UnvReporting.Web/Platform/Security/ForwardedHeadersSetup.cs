using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using UnvReporting.Web.Platform.Configuration;

namespace UnvReporting.Web.Platform.Security;

/// <summary>The <c>ForwardedHeaders</c> section: whether a reverse proxy's X-Forwarded-For and X-Forwarded-Proto are believed, and from whom.</summary>
public sealed class ForwardedHeadersSettings
{
    public const string Section = "ForwardedHeaders";

    public const string EnabledSetting = Section + ":Enabled";

    public bool Enabled { get; set; }

    /// <summary>Addresses of the proxies in front of the app (192.0.2.10). Empty with no networks either: loopback only.</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Networks the proxies sit in, in CIDR form (10.0.0.0/24).</summary>
    public string[] KnownNetworks { get; set; } = [];
}

public static class ForwardedHeadersSetup
{
    /// <summary>
    /// Behind a proxy that ends TLS, the app sees plain HTTP from the proxy's address. With
    /// <c>ForwardedHeaders:Enabled</c> it takes the client's address and scheme from the headers
    /// the proxy adds, so the staff cookie is marked Secure, redirects say https and the
    /// request's remote address is the client's. Only headers from the listed proxies are believed: anyone else could
    /// send them too. Off by default, because a directly exposed app must ignore them.
    /// </summary>
    public static void AddUnvForwardedHeaders(this WebApplicationBuilder builder)
    {
        var settings = builder.AddSettings<ForwardedHeadersSettings>(ForwardedHeadersSettings.Section);
        if (!settings.Enabled)
        {
            return;
        }

        // Read now, so a mistyped address stops start-up instead of failing on the first request.
        var proxies = settings.KnownProxies.Select(text => IPAddress.TryParse(text.Trim(), out var address)
            ? address
            : throw new InvalidOperationException($"ForwardedHeaders:KnownProxies must hold IP addresses (got '{text}').")).ToList();
        var networks = settings.KnownNetworks.Select(text => System.Net.IPNetwork.TryParse(text.Trim(), out var network)
            ? network
            : throw new InvalidOperationException($"ForwardedHeaders:KnownNetworks must hold networks such as 10.0.0.0/24 (got '{text}').")).ToList();

        builder.Services.AddSingleton(settings);
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            if (proxies.Count + networks.Count > 0)
            {
                // The listed proxies replace the default (loopback), rather than adding to it.
                options.KnownProxies.Clear();
                options.KnownIPNetworks.Clear();
                proxies.ForEach(options.KnownProxies.Add);
                networks.ForEach(options.KnownIPNetworks.Add);
            }
        });
    }

    /// <summary>First in the pipeline, so that everything after it sees the client's address and scheme.</summary>
    public static void UseUnvForwardedHeaders(this WebApplication app)
    {
        if (app.Services.GetService<ForwardedHeadersSettings>() is not null)
        {
            app.UseForwardedHeaders();
        }
    }
}
