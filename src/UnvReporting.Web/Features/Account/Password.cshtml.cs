using Microsoft.AspNetCore.Identity;

namespace UnvReporting.Web.Features.Account;

/// <summary>
/// Any staff member changes their own password. Identity renews the security stamp, which ends
/// the account's other sessions; this one is signed in again so the person stays in.
/// </summary>
[Authorize(Policy = StaffPolicies.Staff)]
public sealed class PasswordModel(UserManager<StaffUser> users, SignInManager<StaffUser> signInManager, SecurityEvents security, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty]
    public PasswordInput Input { get; set; } = new();

    [TempData]
    public string? Message { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        // The current password is checked like a sign-in, so that someone at an unattended
        // session cannot guess it without limit: wrong guesses count towards the lockout.
        var check = await signInManager.CheckPasswordSignInAsync(user, Input.CurrentPassword, lockoutOnFailure: true);
        if (check.IsLockedOut)
        {
            security.LockedOut(user.Email!, "password change");
            await signInManager.SignOutAsync();
            return RedirectToPage("/Account/SignIn");
        }

        if (!check.Succeeded)
        {
            security.SignInFailed(user.Email!, "password change", "wrong current password");
            ModelState.AddModelError("Input.CurrentPassword", text["The current password is not right. After {0} failed attempts the account is locked for {1} minutes.", SignInLockout.MaxFailures, (int)SignInLockout.Duration.TotalMinutes]);
            return Page();
        }

        var changed = await users.ChangePasswordAsync(user, Input.CurrentPassword, Input.NewPassword);
        if (!changed.Succeeded)
        {
            foreach (var error in changed.Errors)
            {
                ModelState.AddModelError(error.Code == "PasswordMismatch" ? "Input.CurrentPassword" : "Input.NewPassword", error.Description);
            }

            return Page();
        }

        security.PasswordChanged(user.Email!);
        await signInManager.RefreshSignInAsync(user);
        Message = text["Your password is changed. Other sessions of this account have to sign in again."];
        return RedirectToPage();
    }

    public sealed class PasswordInput
    {
        [Required(ErrorMessage = "Enter your current password.")]
        [DataType(DataType.Password)]
        [Display(Name = "Current password")]
        public string CurrentPassword { get; set; } = string.Empty;

        // Length is left to Identity's validators (12 to 128), which write the messages.
        [Required(ErrorMessage = "Enter a new password.")]
        [DataType(DataType.Password)]
        [Display(Name = "New password")]
        public string NewPassword { get; set; } = string.Empty;

        [Required(ErrorMessage = "Enter the new password again.")]
        [Compare(nameof(NewPassword), ErrorMessage = "The two new passwords are not the same.")]
        [DataType(DataType.Password)]
        [Display(Name = "New password again")]
        public string ConfirmPassword { get; set; } = string.Empty;
    }
}
