namespace UnvReporting.Web.Platform.Security;

/// <summary>Which years a reader sees, in pages and the API: a current staff account every year, anyone else the published ones.</summary>
public static class StaffReader
{
    /// <summary>
    /// The public pages and read endpoints stay open to visitors, so no policy guards them; the
    /// <c>Staff</c> policy is asked here instead (it checks the account is current), so that a
    /// disabled account's cookie or token, or one issued before a role change, falls back to the
    /// public view at once, as a staff page or endpoint would refuse it.
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

        return YearVisibility.Everything;
    }
}
