using Microsoft.AspNetCore.Identity;
using UnvReporting.Domain.Staff;

namespace UnvReporting.Web.Features.Admin.Users;

/// <summary>
/// An Admin creates a staff account with its one role and an initial password, which the person
/// then changes at /account/password. Identity's password validators (12 to 128 characters, no
/// composition rules) write the messages.
/// </summary>
public sealed class NewModel(UnvDbContext db, UserManager<StaffUser> users, TimeProvider clock, SecurityEvents security, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty]
    public AccountInput Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var role = StaffRoles.Parse(Input.Role);
        if (role is null)
        {
            ModelState.AddModelError("Input.Role", text["Choose one of the four roles."]);
        }

        // The name is shown beside every change the person makes; an invisible or reversing character would disguise it.
        if (Input.DisplayName is { } name && PlainText.FirstInvisible(name) is { } invisible)
        {
            var codePoint = ((int)invisible).ToString("X4", CultureInfo.InvariantCulture);
            ModelState.AddModelError("Input.DisplayName", text["The display name contains an invisible control character (U+{0}); remove it.", codePoint]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var email = Input.Email.Trim();
        var user = new StaffUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = string.IsNullOrWhiteSpace(Input.DisplayName) ? null : Input.DisplayName.Trim(),
            CreatedAt = clock.GetUtcNow(),
        };
        var created = await users.CreateAsync(user, Input.Password);
        if (!created.Succeeded)
        {
            // The user name is the address, so Identity refuses a taken one twice in the same words.
            foreach (var error in created.Errors.DistinctBy(e => e.Description))
            {
                ModelState.AddModelError(error.Code.StartsWith("Password", StringComparison.Ordinal) ? "Input.Password" : "Input.Email", error.Description);
            }

            return Page();
        }

        var added = await users.AddToRoleAsync(user, role!.Value.ToString());
        if (!added.Succeeded)
        {
            throw new InvalidOperationException($"Could not give {email} the {role} role: {string.Join(" ", added.Errors.Select(e => e.Description))}");
        }

        security.AccountCreated(User.Identity!.Name!, email, role.Value.ToString());
        await AccountAudit.RecordAsync(
            db, StaffActor.From(User), clock.GetUtcNow(), AuditAction.Added, email, "*", null, $"Role={role}; DisplayName={user.DisplayName}", cancellationToken);
        TempData[nameof(IndexModel.Message)] = text["Account {0} created with the {1} role.", email, Words.RoleName(role.Value, text)].Value;
        return RedirectToPage("Index");
    }

    public sealed class AccountInput
    {
        [Required(ErrorMessage = "Enter the person's e-mail address.")]
        [EmailAddress(ErrorMessage = "Enter an e-mail address such as name@unv.org.")]
        [StringLength(256, ErrorMessage = "An e-mail address is at most 256 characters.")]
        [Display(Name = "E-mail address")]
        public string Email { get; set; } = string.Empty;

        [StringLength(StaffUser.MaxDisplayNameLength, ErrorMessage = "A display name is at most 120 characters.")]
        [Display(Name = "Display name")]
        public string? DisplayName { get; set; }

        [Required(ErrorMessage = "Choose a role.")]
        [Display(Name = "Role")]
        public string Role { get; set; } = nameof(StaffRole.Viewer);

        // Length is left to Identity's validators, so the page and the create-admin command give the same messages.
        [Required(ErrorMessage = "Enter an initial password.")]
        [DataType(DataType.Password)]
        [Display(Name = "Initial password")]
        public string Password { get; set; } = string.Empty;
    }
}
