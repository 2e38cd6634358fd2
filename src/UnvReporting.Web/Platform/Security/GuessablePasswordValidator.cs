using Microsoft.AspNetCore.Identity;

namespace UnvReporting.Web.Platform.Security;

/// <summary>
/// Refuses passwords a guesser tries first (OWASP ASVS 5.0 6.2.4, 6.2.11, 6.2.12): one character
/// repeated, the account's e-mail address or name inside it, and anything zxcvbn rates as cheap to
/// guess — a password of its common-password list (30,000 from breaches), or one built from such a
/// password, a dictionary word, a name or one of the <see cref="ContextWords"/> with a few digits,
/// a date, a sequence or a keyboard pattern. Runs wherever a password is set: a new account, a
/// password change, the create-admin command and the bootstrap Admin (docs/security.md).
/// </summary>
public sealed class GuessablePasswordValidator(IStringLocalizer<SharedResource> text) : IPasswordValidator<StaffUser>
{
    /// <summary>
    /// zxcvbn's scores run from 0 to 4; 0 and 1 mean a guesser's first ten thousand seconds of
    /// trying at its assumed rate (passphrases of a few words score 4).
    /// </summary>
    public const int LowestScoreAccepted = 2;

    /// <summary>
    /// Words of this product and its organisation (6.2.11): cheap for a guesser who knows whose
    /// site it is, so zxcvbn counts them like its common words.
    /// </summary>
    public static readonly IReadOnlyList<string> ContextWords =
    [
        "unv", "united nations volunteers", "united nations", "volunteers", "volunteer", "undp",
        "results", "dashboard", "reporting", "unv results", "strategic framework", "bonn",
    ];

    /// <summary>Parts of a name or address shorter than this are too common inside other words to refuse (a name "Li", the domain "org").</summary>
    private const int ShortestPersonalPart = 4;

    public Task<IdentityResult> ValidateAsync(UserManager<StaffUser> manager, StaffUser user, string? password)
    {
        if (string.IsNullOrEmpty(password) || password.Length > MaxLengthPasswordValidator.MaxLength)
        {
            // Identity's own validators and the length validator give the message for these.
            return Task.FromResult(IdentityResult.Success);
        }

        if (password.Distinct().Count() == 1)
        {
            return Failed("PasswordOneCharacter", text["A password cannot be one character repeated."]);
        }

        var personal = PersonalParts(user).ToList();
        if (personal.Any(part => password.Contains(part, StringComparison.OrdinalIgnoreCase)))
        {
            return Failed("PasswordPersonal", text["A password cannot contain the account's e-mail address or name."]);
        }

        if (Zxcvbn.Zxcvbn.MatchPassword(password, personal.Concat(ContextWords)).Score < LowestScoreAccepted)
        {
            return Failed("PasswordGuessable", text["This password is too easy to guess: it is a common password, or one with a few digits or letters added, a sequence or a keyboard pattern. A phrase of several unrelated words is stronger and easy to remember."]);
        }

        return Task.FromResult(IdentityResult.Success);
    }

    /// <summary>The e-mail address, its part before the @ and its dotted pieces, the user name, the display name and its words.</summary>
    private static IEnumerable<string> PersonalParts(StaffUser user)
    {
        var parts = new List<string?> { user.Email, user.UserName, user.DisplayName };
        foreach (var address in new[] { user.Email, user.UserName })
        {
            if (address?.Split('@')[0] is { } local)
            {
                parts.Add(local);
                parts.AddRange(local.Split('.', '_', '-', '+'));
            }
        }

        parts.AddRange(user.DisplayName?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? []);
        return parts
            .Select(p => p?.Trim().ToLower(CultureInfo.InvariantCulture))
            .Where(p => p is { Length: >= ShortestPersonalPart })
            .Distinct()
            .Cast<string>();
    }

    private static Task<IdentityResult> Failed(string code, string description) =>
        Task.FromResult(IdentityResult.Failed(new IdentityError { Code = code, Description = description }));
}
