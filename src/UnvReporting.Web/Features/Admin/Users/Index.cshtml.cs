using System.Data;
using Microsoft.AspNetCore.Identity;
using UnvReporting.Domain.Staff;

namespace UnvReporting.Web.Features.Admin.Users;

/// <summary>
/// Every staff account with its role and state, and the Admin's moves on one: change the role,
/// disable or enable, unlock. A change of role or a disabling renews the account's security
/// stamp, which ends its cookies and API tokens on their next request.
/// </summary>
public sealed class IndexModel(UnvDbContext db, UserManager<StaffUser> users, TimeProvider clock, SecurityEvents security, SignInLockout lockout, IStringLocalizer<SharedResource> text) : PageModel
{
    public IReadOnlyList<AccountLine> Accounts { get; private set; } = [];

    public DateTimeOffset Now { get; private set; }

    [TempData]
    public string? Message { get; set; }

    [TempData]
    public bool Refused { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Now = clock.GetUtcNow();
        // Locked out is locked out from any client network (SignInLockout); Identity's own
        // lockout is shown too, for accounts locked before it was replaced.
        Accounts = (await db.Users.AsNoTracking()
            .OrderBy(u => u.Email)
            .Select(u => new
            {
                Line = new AccountLine(
                    u.Id,
                    u.Email ?? u.UserName ?? u.Id,
                    u.DisplayName,
                    db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).FirstOrDefault(),
                    u.IsDisabled,
                    u.LockoutEnd),
                NetworkLockoutEnd = db.SignInFailures.Where(f => f.UserId == u.Id).Max(f => f.LockedUntil),
            })
            .ToListAsync(cancellationToken))
            .Select(a => a.NetworkLockoutEnd > (a.Line.LockoutEnd ?? DateTimeOffset.MinValue) ? a.Line with { LockoutEnd = a.NetworkLockoutEnd } : a.Line)
            .ToList();
    }

    public Task<IActionResult> OnPostRoleAsync(string id, string? role, CancellationToken cancellationToken) =>
        ChangeAsync(id, async (user, current) =>
        {
            if (StaffRoles.Parse(role) is not { } to)
            {
                return text["Choose one of the four roles."];
            }

            if (to == current)
            {
                return text["{0} already has the {1} role.", user.Email!, Words.RoleName(to, text)];
            }

            if (current == StaffRole.Admin && await RefuseLosingAdminAsync(user, disable: false) is { } refusal)
            {
                return refusal;
            }

            await Check(users.RemoveFromRolesAsync(user, await users.GetRolesAsync(user)));
            await Check(users.AddToRoleAsync(user, to.ToString()));
            await Check(users.UpdateSecurityStampAsync(user));
            security.RoleChanged(User.Identity!.Name!, user.Email!, current?.ToString(), to.ToString());
            await RecordAsync(user, "Role", current?.ToString(), to.ToString(), cancellationToken);
            Message = text["{0} is now {1}; their open sessions and tokens end on their next request.", user.Email!, Words.RoleName(to, text)];
            return null;
        });

    public Task<IActionResult> OnPostDisableAsync(string id, bool disable, CancellationToken cancellationToken) =>
        ChangeAsync(id, async (user, current) =>
        {
            if (user.IsDisabled == disable)
            {
                return disable ? text["{0} is already disabled.", user.Email!] : text["{0} is already enabled.", user.Email!];
            }

            if (disable && current == StaffRole.Admin && await RefuseLosingAdminAsync(user, disable: true) is { } refusal)
            {
                return refusal;
            }

            user.IsDisabled = disable;

            // Saves the flag and renews the stamp in one update.
            await Check(users.UpdateSecurityStampAsync(user));
            security.AccountDisabled(User.Identity!.Name!, user.Email!, disable);
            await RecordAsync(user, nameof(StaffUser.IsDisabled), (!disable).ToString(), disable.ToString(), cancellationToken);
            Message = disable ? text["{0} is disabled: it cannot sign in and its sessions and tokens have ended.", user.Email!] : text["{0} is enabled again.", user.Email!];
            return null;
        });

    public Task<IActionResult> OnPostUnlockAsync(string id, CancellationToken cancellationToken) =>
        ChangeAsync(id, async (user, _) =>
        {
            var until = await db.SignInFailures.Where(f => f.UserId == user.Id).MaxAsync(f => f.LockedUntil, cancellationToken);
            if (user.LockoutEnd > until)
            {
                until = user.LockoutEnd;
            }

            await lockout.ClearAsync(user.Id, cancellationToken);
            await Check(users.SetLockoutEndDateAsync(user, null));
            await Check(users.ResetAccessFailedCountAsync(user));
            security.Unlocked(User.Identity!.Name!, user.Email!);
            await RecordAsync(user, nameof(StaffUser.LockoutEnd), until?.ToString("O", System.Globalization.CultureInfo.InvariantCulture), null, cancellationToken);
            Message = text["{0} is unlocked and may try to sign in again.", user.Email!];
            return null;
        });

    /// <summary>
    /// Finds the account, applies the change (which returns a refusal or null), and shows the
    /// outcome on the list. Identity saves a role change in several steps (remove the old role,
    /// add the new, renew the stamp), and the last-Admin check reads before it writes: all of it
    /// runs in one serializable transaction, so a failure half-way leaves the account as it was,
    /// and two Admins demoting each other at the same moment cannot both succeed (PostgreSQL
    /// refuses one with a serialization failure, which its retrying strategy runs again, and the
    /// second attempt sees the first's change). UserManager saves through this page's context.
    /// </summary>
    private async Task<IActionResult> ChangeAsync(string id, Func<StaffUser, StaffRole?, Task<string?>> change)
    {
        var found = await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            // A retry starts from what the database holds now, not from the failed attempt's entities.
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.Serializable);
            var user = await users.FindByIdAsync(id);
            if (user is null)
            {
                return false;
            }

            var current = (await users.GetRolesAsync(user)).Select(StaffRoles.Parse).Max();
            var refusal = await change(user, current);
            if (refusal is not null)
            {
                Message = refusal;
                Refused = true;
                return true;
            }

            await transaction.CommitAsync();
            return true;
        });
        return found ? RedirectToPage() : NotFound();
    }

    /// <summary>
    /// Someone must always be able to administer: an Admin cannot take away their own access, and
    /// the last enabled Admin cannot lose it either (the create-admin command is the only way back).
    /// </summary>
    private async Task<string?> RefuseLosingAdminAsync(StaffUser user, bool disable)
    {
        var enabledAdmins = (await users.GetUsersInRoleAsync(nameof(StaffRole.Admin))).Count(a => !a.IsDisabled);
        if (!user.IsDisabled && enabledAdmins <= 1)
        {
            return disable
                ? text["{0} is the last enabled Admin and cannot be disabled; give another account the Admin role first.", user.Email!]
                : text["{0} is the last enabled Admin and cannot be demoted; give another account the Admin role first.", user.Email!];
        }

        if (user.Id != users.GetUserId(User))
        {
            return null;
        }

        return disable ? text["You cannot disable your own account; another Admin can."] : text["You cannot demote your own account; another Admin can."];
    }

    private Task RecordAsync(StaffUser user, string field, string? oldValue, string? newValue, CancellationToken cancellationToken) =>
        AccountAudit.RecordAsync(db, StaffActor.From(User), clock.GetUtcNow(), AuditAction.Changed, user.Email!, field, oldValue, newValue, cancellationToken);

    private static async Task Check(Task<IdentityResult> operation)
    {
        var result = await operation;
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }

    public sealed record AccountLine(string Id, string Email, string? DisplayName, string? Role, bool IsDisabled, DateTimeOffset? LockoutEnd);
}
