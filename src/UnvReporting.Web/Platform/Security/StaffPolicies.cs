using System.Security.Claims;
using UnvReporting.Domain.Staff;

namespace UnvReporting.Web.Platform.Security;

/// <summary>
/// The authorization policies staff pages and API endpoints name. Each also requires the account
/// to be current (<see cref="CurrentAccountRequirement"/>): a disabled account or one whose roles
/// changed loses access on its next request, cookie or token alike.
/// </summary>
public static class StaffPolicies
{
    /// <summary>Any staff account: sees unpublished years.</summary>
    public const string Staff = "Staff";

    /// <summary>Editors, Approvers, Admins: enter figures, open and submit years, import.</summary>
    public const string EnterData = "EnterData";

    /// <summary>Approvers and Admins: return, publish, correct published years.</summary>
    public const string Review = "Review";

    /// <summary>Admins: accounts, frameworks, result areas, indicators, bands, the whole audit log.</summary>
    public const string Administer = "Administer";

    public static IReadOnlyDictionary<string, StaffRole> Lowest { get; } = new Dictionary<string, StaffRole>
    {
        [Staff] = StaffRole.Viewer,
        [EnterData] = StaffRole.Editor,
        [Review] = StaffRole.Approver,
        [Administer] = StaffRole.Admin,
    };

    /// <summary>The role names that satisfy a policy: the policy's lowest role and every role above it.</summary>
    public static string[] RolesFor(string policy) =>
        Enum.GetValues<StaffRole>().Where(r => r >= Lowest[policy]).Select(r => r.ToString()).ToArray();

    /// <summary>The signed-in person's role (the highest, should an account hold several), or null for a visitor.</summary>
    public static StaffRole? RoleOf(this ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true)
        {
            return null;
        }

        return user.FindAll(ClaimTypes.Role)
            .Select(c => StaffRoles.Parse(c.Value))
            .Where(r => r is not null)
            .Max();
    }

    /// <summary>
    /// The role of the staff member a page or endpoint behind a staff policy serves: those
    /// policies let no one in without a role, so its absence is a wiring fault, not a visitor.
    /// </summary>
    public static StaffRole CurrentRole(this ClaimsPrincipal user) =>
        user.RoleOf() ?? throw new InvalidOperationException("The current request has no staff role; is the page or endpoint behind a staff policy?");

    /// <summary>
    /// Whether the sign-in carries a staff role: enough to choose the navigation links. What a
    /// reader may see is decided by <see cref="StaffReader.VisibilityAsync"/>, which also checks
    /// that the account is still current.
    /// </summary>
    public static bool SeesUnpublished(this ClaimsPrincipal user) => user.RoleOf() is not null;
}
