using System.Text.RegularExpressions;
using UnvReporting.Testing;
using UnvReporting.Web.Platform.Data;
using UnvReporting.Web.Tests.Support;

namespace UnvReporting.Web.Tests.Platform.Data;

public partial class FirstStartTests
{
    /// <summary>
    /// The two warnings a first start without a certificate gives by design: the app's own, at
    /// every start in Production, and the framework's as it stores the first key, both because the
    /// Data Protection keys are then stored unencrypted in the database (ADR-010,
    /// docs/deployment.md). They also show that warnings do reach the file in the format read here.
    /// </summary>
    private const string UnencryptedKeyWarning = "No XML encryptor configured.";

    private const string NoCertificateWarning = "DataProtection:CertificatePath is not set";

    [Theory, BothProviders]
    public async Task A_first_start_on_a_new_database_logs_no_warning_but_the_unencrypted_keys(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);

        (await app.Client.GetAsync("/health/ready")).EnsureSuccessStatusCode();

        var lines = LogFile.ReadLines(app.Database.DataFolder);
        lines.ShouldContain(l => l.Contains("Applying ", StringComparison.Ordinal) && l.Contains(" migration(s)", StringComparison.Ordinal));
        var warnings = lines.Where(l => WarningOrWorse().IsMatch(l)).ToList();
        warnings.Count.ShouldBe(2, string.Join(Environment.NewLine, warnings));
        warnings.ShouldContain(w => w.Contains(NoCertificateWarning, StringComparison.Ordinal));
        warnings.ShouldContain(w => w.Contains(UnencryptedKeyWarning, StringComparison.Ordinal));
    }

    [GeneratedRegex(@"\[(WRN|ERR|FTL)\]")]
    private static partial Regex WarningOrWorse();
}
