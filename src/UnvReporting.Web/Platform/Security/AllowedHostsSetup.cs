using Microsoft.AspNetCore.HostFiltering;

namespace UnvReporting.Web.Platform.Security;

/// <summary>
/// The Host header is the client's to write. ASP.NET Core's host filtering (on by default, fed by
/// the root setting <c>AllowedHosts</c>) answers 400 to a host not listed; with <c>"*"</c>, the
/// default, every host passes, and anything built from the header (an absolute redirect, a link
/// in a cached page) can be pointed at another site. Production therefore does not start until the
/// site's host names are listed (docs/deployment.md); Development and other environments keep "*".
/// </summary>
public static class AllowedHostsSetup
{
    public const string Setting = "AllowedHosts";

    public const string Refusal =
        "AllowedHosts must list the host names this site answers to, separated by semicolons (for example " +
        "\"dashboard.example.org\" or \"dashboard.example.org;www.dashboard.example.org\"), not \"*\": in Production a request " +
        "for any other host is refused, so that a forged Host header cannot steer redirects or cached pages to another site " +
        "(docs/deployment.md).";

    public static void AddUnvAllowedHosts(this WebApplicationBuilder builder)
    {
        if (!builder.Environment.IsProduction())
        {
            return;
        }

        // The web host binds AllowedHosts into these options (an empty setting becomes "*").
        builder.Services.AddOptions<HostFilteringOptions>()
            .Validate(options => options.AllowedHosts.Count > 0 && !options.AllowedHosts.Contains("*"), Refusal)
            .ValidateOnStart();
    }
}
