using System.Net;
using UnvReporting.Domain.Staff;
using UnvReporting.Testing;
using UnvReporting.Web.Platform.Data;
using UnvReporting.Web.Tests.Support;

namespace UnvReporting.Web.Tests.Features.Account;

/// <summary>The bad-input corpus at the sign-in and password forms: refused with a message, no account changed.</summary>
public class BadInputTests
{
    /// <summary>Passwords the twelve-character policy refuses; longer payloads are legitimate passwords.</summary>
    private static readonly IReadOnlyList<BadValue> BadNewPasswords =
        [BadInput.Letters, BadInput.NaN, BadInput.Infinity, BadInput.Negative, BadInput.Empty, BadInput.Blank, BadInput.Oversize, BadInput.Nul, BadInput.Bell];

    [Theory, BothProviders]
    public async Task Sign_in_and_password_fields_refuse_the_corpus_and_change_no_account(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var visitor = app.Visitor();
        using var viewer = await app.SignedInAsync(StaffRole.Viewer);
        var failures = new List<string>();

        // An address no account has: a wrong password for a real one would (rightly) count towards its lockout.
        FormField[] signIn =
        [
            new(app.Url.SignIn, "Input.Email", FieldKind.Email, Also: new Dictionary<string, string> { ["Input.Password"] = StaffAccounts.Password }),
            new(app.Url.SignIn, "Input.Password", FieldKind.Password, Also: new Dictionary<string, string> { ["Input.Email"] = "nobody@unv.test" }),
        ];
        FormField[] password =
        [
            // Any other wrong current password counts towards the lockout, by design (a change to the account).
            new(app.Url.Password, "Input.CurrentPassword", FieldKind.Password, Values: [BadInput.Empty, BadInput.Blank, BadInput.Nul],
                Also: new Dictionary<string, string> { ["Input.NewPassword"] = "another long passphrase", ["Input.ConfirmPassword"] = "another long passphrase" }),
            new(app.Url.Password, "Input.NewPassword", FieldKind.Password, Values: BadNewPasswords, Mirror: "Input.ConfirmPassword",
                Also: new Dictionary<string, string> { ["Input.CurrentPassword"] = StaffAccounts.Password }),
            new(app.Url.Password, "Input.ConfirmPassword", FieldKind.Password,
                Also: new Dictionary<string, string> { ["Input.CurrentPassword"] = StaffAccounts.Password, ["Input.NewPassword"] = "another long passphrase" }),
        ];

        foreach (var field in signIn)
        {
            failures.AddRange(await BadInputForms.ThrowCorpusAsync(app, visitor, field));
        }

        foreach (var field in password)
        {
            failures.AddRange(await BadInputForms.ThrowCorpusAsync(app, viewer, field));
        }

        failures.ShouldBeEmpty(string.Join(Environment.NewLine, failures));
        var control = password[0] with
        {
            Also = new Dictionary<string, string>
            {
                ["Input.CurrentPassword"] = StaffAccounts.Password, ["Input.NewPassword"] = "another long passphrase", ["Input.ConfirmPassword"] = "another long passphrase",
            },
        };
        (await BadInputForms.PostControlAsync(viewer, control)).ShouldBe(HttpStatusCode.Redirect, "the password form, rightly filled, changes the password");
    }
}
