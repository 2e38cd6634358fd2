using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using UnvReporting.Web.Platform.Data;

namespace UnvReporting.Web.Platform.Security;

/// <summary>
/// The account behind a cookie or token still exists, is not disabled, and its security stamp
/// still matches (an Admin's role change or a disabling renews the stamp). Cookies are also
/// re-validated by Identity every minute; tokens have no such hook, so this check is what ends
/// them. One query per staff request, cached for the request.
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
    }
}
