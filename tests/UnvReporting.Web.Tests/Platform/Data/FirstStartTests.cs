using System.Text.RegularExpressions;
using UnvReporting.Testing;
using UnvReporting.Web.Platform.Data;
using UnvReporting.Web.Tests.Support;

namespace UnvReporting.Web.Tests.Platform.Data;

public partial class FirstStartTests
{
    /// <summary>
    /// The one warning a first start gives by design: the Data Protection keys are stored
    /// unencrypted in the database (ADR-010, docs/deployment.md). It also shows that warnings do
    /// reach the file in the format read here.
    /// </summary>
    private const string UnencryptedKeyWarning = "No XML encryptor configured.";

    [Theory, BothProviders]
    public async Task A_first_start_on_a_new_database_logs_no_warning_but_the_unencrypted_key(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);

        (await app.Client.GetAsync("/health/ready")).EnsureSuccessStatusCode();

        var lines = LogFile.ReadLines(app.Database.DataFolder);
        lines.ShouldContain(l => l.Contains("Applying ", StringComparison.Ordinal) && l.Contains(" migration(s)", StringComparison.Ordinal));
        var warnings = lines.Where(l => WarningOrWorse().IsMatch(l)).ToList();
        warnings.ShouldHaveSingleItem().ShouldContain(UnencryptedKeyWarning);
    }

    [GeneratedRegex(@"\[(WRN|ERR|FTL)\]")]
    private static partial Regex WarningOrWorse();
}
