using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;

namespace UnvReporting.Web.Features.Account;

// The policy limits the POST (attempts) only; showing the form is never limited.
[EnableRateLimiting(SignInRateLimits.Policy)]
public sealed class SignInModel(SignInManager<StaffUser> signInManager, SecurityEvents security, SiteCookies cookies, IStringLocalizer<SharedResource> text) : PageModel
{
    /// <summary>
    /// One message for every failure: it must not tell a guesser which part was wrong or that an
    /// account exists. The page shows it through the localizer, keyed by the same words.
    /// </summary>
    public const string Failure = "The e-mail address or password is not right, or the account cannot sign in now. After 5 failed attempts an account is locked for 15 minutes.";

    [BindProperty]
    public SignInInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>Over plain HTTP with HTTPS-only cookies the form could not work: the page explains instead (Platform/Security/PlainHttpGuard).</summary>
    public bool NeedsHttps => cookies.NeedHttpsFor(Request);

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await signInManager.PasswordSignInAsync(Input.Email.Trim(), Input.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            security.SignedIn(Input.Email, "page");
            return Url.IsLocalUrl(ReturnUrl) ? LocalRedirect(ReturnUrl) : RedirectToPage("/Staff/Index");
        }

        if (result.IsLockedOut)
        {
            security.LockedOut(Input.Email, "page");
        }
        else
        {
            security.SignInFailed(Input.Email, "page", result.IsNotAllowed ? "not allowed (disabled)" : "wrong e-mail or password");
        }

        ModelState.AddModelError(string.Empty, text["The e-mail address or password is not right, or the account cannot sign in now. After 5 failed attempts an account is locked for 15 minutes."]);
        return Page();
    }

    public sealed class SignInInput
    {
        [Required(ErrorMessage = "Enter your e-mail address.")]
        [EmailAddress(ErrorMessage = "Enter an e-mail address such as name@unv.org.")]
        [StringLength(256)]
        [Display(Name = "E-mail address")]
        public string Email { get; set; } = string.Empty;

        [Required(ErrorMessage = "Enter your password.")]
        [StringLength(MaxLengthPasswordValidator.MaxLength, ErrorMessage = "Passwords are at most 128 characters.")]
        [DataType(DataType.Password)]
        [Display(Name = "Password")]
        public string Password { get; set; } = string.Empty;
    }
}
