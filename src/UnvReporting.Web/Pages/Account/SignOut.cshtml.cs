using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using UnvReporting.Web.Accounts;
using UnvReporting.Web.Data;

namespace UnvReporting.Web.Pages.Account;

/// <summary>Signing out is a POST (with the antiforgery token): a link or an image cannot sign anyone out.</summary>
[Authorize]
public sealed class SignOutModel(SignInManager<StaffUser> signInManager, SecurityEvents security) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Index");

    public async Task<IActionResult> OnPostAsync()
    {
        security.SignedOut(User.Identity?.Name ?? string.Empty);
        await signInManager.SignOutAsync();
        return RedirectToPage("/Index");
    }
}
