using Microsoft.AspNetCore.Identity;

namespace UnvReporting.Web.Features.Account;

/// <summary>Signing out is a POST (with the antiforgery token): a link or an image cannot sign anyone out.</summary>
[Authorize]
public sealed class SignOutModel(SignInManager<StaffUser> signInManager, SecurityEvents security) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Index");

    public async Task<IActionResult> OnPostAsync()
    {
        security.SignedOut(User.Identity?.Name ?? string.Empty);

        // Deleting the cookie in this browser is not enough: a copy of it (from a shared
        // computer, a proxy log) would stay valid until it expires. A new security stamp makes
        // every cookie and token issued so far fail the current-account check, so signing out
        // also ends the account's other sessions (docs/security.md).
        if (await signInManager.UserManager.GetUserAsync(User) is { } user)
        {
            await signInManager.UserManager.UpdateSecurityStampAsync(user);
        }

        await signInManager.SignOutAsync();
        return RedirectToPage("/Index");
    }
}
