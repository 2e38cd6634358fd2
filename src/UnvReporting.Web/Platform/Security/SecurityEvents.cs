using System.Text;

namespace UnvReporting.Web.Platform.Security;

/// <summary>
/// Security events (sign-ins, lockouts, account and role changes, publishing, imports), logged
/// under one category, <c>UnvReporting.Security</c>, so operators can route and keep them apart.
/// Whatever a user typed (an e-mail address, a file name) goes through <see cref="Clean"/> first:
/// a line break in it cannot start a forged log line.
/// </summary>
public sealed class SecurityEvents(ILoggerFactory loggerFactory)
{
    public const string Category = "UnvReporting.Security";

    private const int MaxLength = 200;

    private readonly ILogger _logger = loggerFactory.CreateLogger(Category);

    public void SignedIn(string email, string via) =>
        _logger.LogInformation("Sign-in succeeded for {Email} via {Via}", Clean(email), via);

    public void SignInFailed(string email, string via, string why) =>
        _logger.LogWarning("Sign-in failed for {Email} via {Via}: {Why}", Clean(email), via, why);

    public void LockedOut(string email, string via) =>
        _logger.LogWarning("Account {Email} is locked out after repeated failed sign-ins (via {Via})", Clean(email), via);

    public void SignedOut(string email) =>
        _logger.LogInformation("Signed out: {Email}", Clean(email));

    public void AccountCreated(string by, string email, string role) =>
        _logger.LogInformation("Account {Email} created with role {Role} by {By}", Clean(email), role, Clean(by));

    public void AccountDisabled(string by, string email, bool disabled) =>
        _logger.LogWarning("Account {Email} {Change} by {By}", Clean(email), disabled ? "disabled" : "enabled", Clean(by));

    public void PasswordChanged(string email) =>
        _logger.LogInformation("Password changed by the account holder: {Email}", Clean(email));

    public void Unlocked(string by, string email) =>
        _logger.LogWarning("Account {Email} unlocked by {By}", Clean(email), Clean(by));

    public void RoleChanged(string by, string email, string? from, string to) =>
        _logger.LogWarning("Role of {Email} changed from {From} to {To} by {By}", Clean(email), from ?? "none", to, Clean(by));

    public void YearStatusChanged(string by, int year, string from, string to) =>
        _logger.LogInformation("Year {Year} moved from {From} to {To} by {By}", year, from, to, Clean(by));

    public void Imported(string by, int year, string fileName, int rows) =>
        _logger.LogInformation("Import into {Year} by {By}: {Rows} row(s) from {FileName}", year, Clean(by), rows, Clean(fileName));

    /// <summary>Control characters (line breaks, escapes) become visible escapes; long input is clipped.</summary>
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(Math.Min(text.Length, MaxLength) + 8);
        foreach (var c in text.Length > MaxLength ? text[..MaxLength] : text)
        {
            if (char.IsControl(c) || c is '\u2028' or '\u2029' or '\u0085')
            {
                builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        if (text.Length > MaxLength)
        {
            builder.Append('…');
        }

        return builder.ToString();
    }
}
