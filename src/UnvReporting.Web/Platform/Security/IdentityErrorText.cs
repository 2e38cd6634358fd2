using Microsoft.AspNetCore.Identity;

namespace UnvReporting.Web.Platform.Security;

/// <summary>
/// Identity's messages in the reader's language (ADR-007): its own texts live in its assembly in
/// English only, so those a staff member can meet are restated here as keys of the shared resources.
/// </summary>
public sealed class IdentityErrorText(IStringLocalizer<SharedResource> text) : IdentityErrorDescriber
{
    public override IdentityError DefaultError() =>
        Error(nameof(DefaultError), text["Something went wrong with the account; nothing was changed."]);

    public override IdentityError ConcurrencyFailure() =>
        Error(nameof(ConcurrencyFailure), text["Someone else changed this account at the same moment; nothing was changed. Try again."]);

    public override IdentityError PasswordMismatch() =>
        Error(nameof(PasswordMismatch), text["The current password is not right."]);

    public override IdentityError InvalidUserName(string? userName) =>
        Error(nameof(InvalidUserName), text["'{0}' cannot be used as a user name.", userName ?? string.Empty]);

    public override IdentityError InvalidEmail(string? email) =>
        Error(nameof(InvalidEmail), text["'{0}' is not an e-mail address.", email ?? string.Empty]);

    public override IdentityError DuplicateUserName(string userName) =>
        Error(nameof(DuplicateUserName), text["The address {0} is already taken by another account.", userName]);

    public override IdentityError DuplicateEmail(string email) =>
        Error(nameof(DuplicateEmail), text["The address {0} is already taken by another account.", email]);

    public override IdentityError PasswordTooShort(int length) =>
        Error(nameof(PasswordTooShort), text["Passwords must be at least {0} characters.", length]);

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) =>
        Error(nameof(PasswordRequiresUniqueChars), text["Passwords must use at least {0} different characters.", uniqueChars]);

    private static IdentityError Error(string code, string description) => new() { Code = code, Description = description };
}
