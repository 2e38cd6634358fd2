using Microsoft.AspNetCore.Identity;

namespace UnvReporting.Web.Platform.Data;

/// <summary>
/// A staff account. There is no self-registration: Admins create accounts and disable them
/// (a disabled account cannot sign in and its sessions and tokens stop working at once).
/// </summary>
public sealed class StaffUser : IdentityUser
{
    public const int MaxDisplayNameLength = 120;

    public string? DisplayName { get; set; }

    public bool IsDisabled { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
