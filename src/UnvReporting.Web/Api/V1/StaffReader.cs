using Microsoft.AspNetCore.Authorization;
using UnvReporting.Web.Accounts;
using UnvReporting.Web.Indicators;

namespace UnvReporting.Web.Api.V1;

/// <summary>Which years an API reader sees: a current staff account every year, anyone else the published ones.</summary>
internal static class StaffReader
{
    /// <summary>
    /// The read endpoints stay open to visitors, so no policy guards them; the <c>Staff</c> policy
    /// is asked here instead, so that a disabled account's token, or one issued before a role
    /// change, falls back to the public view as it would be refused by a staff endpoint.
    /// </summary>
    public static async Task<YearVisibility> VisibilityAsync(HttpContext context)
    {
        if (context.User.Identity?.IsAuthenticated != true)
        {
            return YearVisibility.PublishedOnly;
        }

        var authorization = context.RequestServices.GetRequiredService<IAuthorizationService>();
        if (!(await authorization.AuthorizeAsync(context.User, StaffPolicies.Staff)).Succeeded)
        {
            return YearVisibility.PublishedOnly;
        }

        // A staff answer shows unpublished figures: no cache may keep it for someone else.
        context.Response.Headers.CacheControl = "no-store";
        return YearVisibility.Everything;
    }
}
