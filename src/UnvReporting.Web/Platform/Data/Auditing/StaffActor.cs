using System.Security.Claims;

namespace UnvReporting.Web.Platform.Data.Auditing;

/// <summary>Who makes a change, as the audit trail records it.</summary>
public sealed record StaffActor(string? UserId, string UserName)
{
    /// <summary>Changes made by the product itself (the command line, start-up).</summary>
    public static readonly StaffActor System = new(null, "system");

    public static StaffActor From(ClaimsPrincipal user) =>
        new(user.FindFirstValue(ClaimTypes.NameIdentifier), user.Identity?.Name ?? throw new InvalidOperationException("An anonymous visitor cannot change data."));
}
