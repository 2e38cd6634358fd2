using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace UnvReporting.Web.Platform.Security;

/// <summary>
/// How long a staff sign-in lasts (<c>Sessions</c> section): it ends after
/// <see cref="IdleMinutes"/> without a request (the cookie's sliding expiry) and, however
/// active, <see cref="AbsoluteHours"/> after signing in (checked on every request here, because
/// the sliding renewal would otherwise keep a busy session alive for ever).
/// </summary>
public sealed class SessionLifetime
{
    public const string Section = "Sessions";

    /// <summary>Kept in the cookie's authentication properties, which renewals carry over unchanged.</summary>
    private const string SignedInAtKey = "unv.signed-in-at";

    public int IdleMinutes { get; set; } = 30;

    public int AbsoluteHours { get; set; } = 8;

    public TimeSpan Idle => TimeSpan.FromMinutes(IdleMinutes);

    public TimeSpan Absolute => TimeSpan.FromHours(AbsoluteHours);

    public static SessionLifetime From(IConfiguration configuration)
    {
        var lifetime = configuration.GetSection(Section).Get<SessionLifetime>() ?? new SessionLifetime();
        if (lifetime.IdleMinutes < 1 || lifetime.AbsoluteHours < 1 || lifetime.Idle > lifetime.Absolute)
        {
            throw new InvalidOperationException(
                $"{Section}:IdleMinutes and {Section}:AbsoluteHours must be at least 1, and the idle timeout no longer than the absolute one " +
                $"(got {lifetime.IdleMinutes} minutes and {lifetime.AbsoluteHours} hours).");
        }

        return lifetime;
    }

    /// <summary>Records the moment of signing in, once: a refreshed sign-in (after a password change, say) keeps the first.</summary>
    public static void StampSignIn(AuthenticationProperties properties, DateTimeOffset now)
    {
        if (!properties.Items.ContainsKey(SignedInAtKey))
        {
            properties.Items[SignedInAtKey] = now.ToString("O", CultureInfo.InvariantCulture);
        }
    }

    /// <summary>
    /// Rejects a cookie older than the absolute lifetime, or one without a sign-in time (issued
    /// before this rule), then hands over to Identity's security-stamp check.
    /// </summary>
    public Func<CookieValidatePrincipalContext, Task> Enforce(Func<CookieValidatePrincipalContext, Task> next) => async context =>
    {
        var now = (context.Options.TimeProvider ?? TimeProvider.System).GetUtcNow();
        if (!context.Properties.Items.TryGetValue(SignedInAtKey, out var stamped)
            || !DateTimeOffset.TryParse(stamped, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var signedInAt)
            || now - signedInAt >= Absolute)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(context.Scheme.Name);
            return;
        }

        await next(context);
    };
}
