using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using UnvReporting.Web.Data;

namespace UnvReporting.Web.Accounts;

/// <summary>Identity's sign-in, refusing disabled accounts (they fail like a wrong password, without saying why).</summary>
public sealed class StaffSignInManager(
    UserManager<StaffUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<StaffUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<StaffUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<StaffUser> confirmation)
    : SignInManager<StaffUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    private static readonly Lazy<string> DummyHash = new(() => new PasswordHasher<StaffUser>().HashPassword(new StaffUser(), Guid.NewGuid().ToString()));

    public override async Task<bool> CanSignInAsync(StaffUser user) =>
        !user.IsDisabled && await base.CanSignInAsync(user);

    /// <summary>An unknown account costs the same password hashing as a known one, so timing does not tell which addresses have accounts.</summary>
    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        if (await UserManager.FindByNameAsync(userName) is null)
        {
            SpendHashingTime(password);
            return SignInResult.Failed;
        }

        return await base.PasswordSignInAsync(userName, password, isPersistent, lockoutOnFailure);
    }

    /// <summary>Verifies the password against a throwaway hash: the work a real check does, for a result that is thrown away.</summary>
    public void SpendHashingTime(string password) =>
        UserManager.PasswordHasher.VerifyHashedPassword(new StaffUser(), DummyHash.Value, password);
}

/// <summary>OWASP ASVS 5.0 6.2: passwords of up to 128 characters are accepted, longer ones refused (no composition rules).</summary>
public sealed class MaxLengthPasswordValidator : IPasswordValidator<StaffUser>
{
    public const int MaxLength = 128;

    public Task<IdentityResult> ValidateAsync(UserManager<StaffUser> manager, StaffUser user, string? password) =>
        Task.FromResult(password is { Length: > MaxLength }
            ? IdentityResult.Failed(new IdentityError { Code = "PasswordTooLong", Description = $"Passwords must be at most {MaxLength} characters." })
            : IdentityResult.Success);
}
