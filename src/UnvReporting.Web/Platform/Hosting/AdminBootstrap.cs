using Microsoft.AspNetCore.Identity;
using UnvReporting.Domain.Staff;

namespace UnvReporting.Web.Platform.Hosting;

/// <summary>The <c>Bootstrap</c> section: the first Admin, created when no Admin exists yet.</summary>
public sealed class BootstrapOptions
{
    public const string Section = "Bootstrap";

    public string? AdminEmail { get; set; }

    public string? AdminPassword { get; set; }
}

/// <summary>
/// Makes sure the four roles exist and, when asked, creates an Admin. There is no
/// self-registration: the first Admin comes from configuration at start-up or from the
/// <c>create-admin</c> command, and Admins create everyone else.
/// </summary>
public sealed class AdminBootstrap(
    UserManager<StaffUser> users,
    RoleManager<IdentityRole> roles,
    UnvDbContext db,
    TimeProvider clock,
    SecurityEvents security)
{
    public async Task EnsureRolesAsync()
    {
        foreach (var name in StaffRoles.Names)
        {
            if (await roles.RoleExistsAsync(name))
            {
                continue;
            }

            // Another instance starting at the same moment may create it first: Identity then
            // reports a duplicate name, or the unique index refuses the insert. Either way it exists.
            IdentityResult result;
            try
            {
                result = await roles.CreateAsync(new IdentityRole(name));
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear();
                result = IdentityResult.Failed(new IdentityError { Code = "Concurrent", Description = "created concurrently" });
            }

            if (!result.Succeeded && !await roles.RoleExistsAsync(name))
            {
                Check(result, $"create the {name} role");
            }
        }
    }

    /// <summary>At start-up: creates the configured Admin unless some Admin already exists.</summary>
    public async Task EnsureFirstAdminAsync(BootstrapOptions options)
    {
        await EnsureRolesAsync();
        if (string.IsNullOrWhiteSpace(options.AdminEmail) || string.IsNullOrEmpty(options.AdminPassword))
        {
            return;
        }

        if ((await users.GetUsersInRoleAsync(nameof(StaffRole.Admin))).Count > 0)
        {
            return;
        }

        try
        {
            await CreateAdminAsync(options.AdminEmail, options.AdminPassword);
        }
        catch (DbUpdateException)
        {
            // Another instance starting at the same moment created the Admin first.
            db.ChangeTracker.Clear();
            if ((await users.GetUsersInRoleAsync(nameof(StaffRole.Admin))).Count == 0)
            {
                throw;
            }
        }
    }

    /// <summary>Creates an Admin account, or gives an existing account the Admin role and the new password.</summary>
    public async Task<StaffUser> CreateAdminAsync(string email, string password)
    {
        await EnsureRolesAsync();
        var user = await users.Users.SingleOrDefaultAsync(u => u.NormalizedEmail == users.NormalizeEmail(email.Trim()));
        if (user is null)
        {
            user = new StaffUser { UserName = email.Trim(), Email = email.Trim(), EmailConfirmed = true, CreatedAt = clock.GetUtcNow() };
            Check(await users.CreateAsync(user, password), "create the Admin account");
        }
        else
        {
            Check(await users.RemovePasswordAsync(user), "reset the password");
            Check(await users.AddPasswordAsync(user, password), "set the password");
            user.IsDisabled = false;
            Check(await users.UpdateAsync(user), "enable the account");
            Check(await users.RemoveFromRolesAsync(user, await users.GetRolesAsync(user)), "clear the roles");
        }

        Check(await users.AddToRoleAsync(user, nameof(StaffRole.Admin)), "give the Admin role");
        await users.UpdateSecurityStampAsync(user);
        security.AccountCreated("system", user.Email!, nameof(StaffRole.Admin));
        return user;
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not {what}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }
    }
}
