using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using UnvReporting.Web.Platform.Configuration;

namespace UnvReporting.Web.Platform.Security;

/// <summary>
/// How long a staff sign-in lasts (<c>Sessions</c> section): it ends after
/// <see cref="IdleMinutes"/> without a request (the cookie's sliding expiry) and, however
/// active, <see cref="AbsoluteHours"/> after signing in (checked on every request here, because
/// the sliding renewal would otherwise keep a busy session alive for ever).
/// </summary>
public sealed class SessionLifetime : IValidatableObject
{
    public const string Section = "Sessions";

    /// <summary>Kept in the cookie's authentication properties, which renewals carry over unchanged.</summary>
    private const string SignedInAtKey = "unv.signed-in-at";

    // Past a day without a request a session is not idle but abandoned; the bounds also keep
    // the lifetimes inside what a TimeSpan and the cookie's expiry can hold.
    [Range(1, 1440)]
    [Accepts("a whole number of minutes from 1 to 1440 (a day)")]
    public int IdleMinutes { get; set; } = 30;

    [Range(1, 720)]
    [Accepts("a whole number of hours from 1 to 720 (30 days)")]
    public int AbsoluteHours { get; set; } = 8;

    public TimeSpan Idle => TimeSpan.FromMinutes(IdleMinutes);

    public TimeSpan Absolute => TimeSpan.FromHours(AbsoluteHours);

    /// <summary>Checked after the bounds: the sliding expiry would otherwise outlive the absolute limit it is meant to sit inside.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Idle > Absolute)
        {
            yield return new ValidationResult(
                $"{Section}:IdleMinutes must be no longer than {Section}:AbsoluteHours (got {IdleMinutes} minutes and {AbsoluteHours} hours).");
        }
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
