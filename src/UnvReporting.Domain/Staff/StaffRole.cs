namespace UnvReporting.Domain.Staff;

/// <summary>
/// What a staff account may do. Each account holds one role; each role can do what the roles
/// before it can, except that only Approvers and Admins review and publish.
/// </summary>
public enum StaffRole
{
    /// <summary>Sees unpublished years; changes nothing.</summary>
    Viewer,

    /// <summary>Enters a draft year's figures, narratives and statistics, opens years, submits them for review.</summary>
    Editor,

    /// <summary>Reviews submitted years: returns them to draft or publishes them; corrects published years with a reason.</summary>
    Approver,

    /// <summary>Everything above, plus accounts, frameworks, result areas, indicators and rating bands.</summary>
    Admin,
}

public static class StaffRoles
{
    /// <summary>The role names as stored in the accounts database and carried in sign-in cookies and tokens.</summary>
    public static readonly IReadOnlyList<string> Names = Enum.GetNames<StaffRole>();

    public static bool CanEnterData(this StaffRole role) => role >= StaffRole.Editor;

    public static bool CanReview(this StaffRole role) => role >= StaffRole.Approver;

    public static bool CanAdminister(this StaffRole role) => role == StaffRole.Admin;

    /// <summary>Reads a stored role name; null for anything that is not one of the four.</summary>
    public static StaffRole? Parse(string? name) =>
        Enum.GetValues<StaffRole>().Cast<StaffRole?>().FirstOrDefault(r => string.Equals(r.ToString(), name, StringComparison.Ordinal));
}
