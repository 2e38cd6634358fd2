using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using UnvReporting.Web.Platform.Configuration;

namespace UnvReporting.Web.Platform.Security;

/// <summary>The <c>RateLimits</c> section.</summary>
public sealed class RateLimitSettings
{
    public const string Section = "RateLimits";

    [Range(1, int.MaxValue)]
    [Accepts("a whole number of attempts, at least 1")]
    public int SignInPerMinute { get; set; } = SignInRateLimits.DefaultPerMinute;
}

/// <summary>
/// Sign-in attempts per client network (an IPv4 address or an IPv6 /64, <see cref="ClientNetwork"/>):
/// the sign-in page's POST and the token endpoint share one
/// budget (<c>RateLimits:SignInPerMinute</c>, default 10), so a guesser gains nothing by using
/// both doors. Lockout protects one account from many guesses; this slows one client trying many
/// accounts. Over the budget the page answers 429 with the friendly error page, the API with
/// problem details; both say when to try again (Retry-After).
/// </summary>
/// <remarks>
/// Behind a reverse proxy every client has the proxy's address, so the budget becomes the whole
/// site's: the proxy must pass the client address and the app read it (forwarded headers) before
/// this limit is raised or lowered with care (docs/security.md).
/// </remarks>
public static class SignInRateLimits
{
    public const string Policy = "sign-in";

    public const string Setting = RateLimitSettings.Section + ":" + nameof(RateLimitSettings.SignInPerMinute);

    public const int DefaultPerMinute = 10;

    public static void AddSignInRateLimits(this WebApplicationBuilder builder)
    {
        var perMinute = builder.AddSettings<RateLimitSettings>(RateLimitSettings.Section).SignInPerMinute;
        builder.Services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Showing the sign-in form is never limited: only the attempts are.
            options.AddPolicy(Policy, context => HttpMethods.IsPost(context.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(
                    ClientNetwork.Of(context.Connection.RemoteIpAddress),
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                : RateLimitPartition.GetNoLimiter(string.Empty));
            options.OnRejected = OnRejectedAsync;
        });
    }

    private static async ValueTask OnRejectedAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
            : 60;
        var http = context.HttpContext;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);

        // Pages leave the body empty: status code pages re-execute /Error/429, the friendly page.
        if (http.Request.Path.StartsWithSegments("/api"))
        {
            await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = http,
                ProblemDetails = new ProblemDetails
                {
                    Status = StatusCodes.Status429TooManyRequests,
                    Title = "Too many sign-in attempts",
                    Detail = $"Too many sign-in attempts from this address. Try again in {seconds} seconds.",
                },
            });
        }
    }
}
