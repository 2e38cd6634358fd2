using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Identity;

namespace UnvReporting.Web.Platform.Security;

/// <summary>
/// The account behind a cookie or token still exists, is not disabled, and its security stamp
/// still matches (an Admin's role change or a disabling renews the stamp). Cookies are also
/// re-validated by Identity every minute; tokens have no such hook, so this check is what ends
/// them. One query per staff request, cached for the request. A credential that fails it is no
/// credential at all: <see cref="RevokedCredentialResult"/> answers as to a visitor.
/// </summary>
public sealed class CurrentAccountRequirement : IAuthorizationRequirement;

public sealed class CurrentAccountHandler(SignInManager<StaffUser> signInManager, IHttpContextAccessor http)
    : AuthorizationHandler<CurrentAccountRequirement>
{
    private static readonly object CacheKey = new();

    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, CurrentAccountRequirement requirement)
    {
        if (context.User.Identity?.IsAuthenticated != true)
        {
            return;
        }

        var items = http.HttpContext?.Items;
        if (items?[CacheKey] is not bool current)
        {
            var user = await signInManager.ValidateSecurityStampAsync(context.User);
            current = user is { IsDisabled: false };
            if (items is not null)
            {
                items[CacheKey] = current;
            }
        }

        if (current)
        {
            context.Succeed(requirement);
        }
        else
        {
            context.Fail(new AuthorizationFailureReason(this, "The account is disabled, or its sign-in was ended (signed out, password or role changed)."));
        }
    }
}

/// <summary>
/// A disabled account's cookie or token, or one from before a sign-out, a password change or a role
/// change, gets what a visitor gets (OWASP ASVS 5.0 7.4.2, 7.4.3): pages send the reader to sign
/// in (and drop the cookie), the API answers 401 with a bearer challenge. 403 stays for a current
/// account whose role does not reach the page, where it tells the truth.
/// </summary>
public sealed class RevokedCredentialResult : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        var revoked = authorizeResult.Forbidden
            && authorizeResult.AuthorizationFailure?.FailureReasons.Any(r => r.Handler is CurrentAccountHandler) == true;
        if (!revoked)
        {
            await _default.HandleAsync(next, context, policy, authorizeResult);
            return;
        }

        if (!context.Request.Path.StartsWithSegments("/api"))
        {
            await context.SignOutAsync(IdentityConstants.ApplicationScheme);
        }

        // The default scheme picks the cookie for pages and the bearer token for the API.
        await context.ChallengeAsync();
    }
}
