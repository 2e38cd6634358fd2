using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using UnvReporting.Domain.Staff;
using UnvReporting.Testing;
using UnvReporting.Web.Platform.Data;
using UnvReporting.Web.Tests.Support;

namespace UnvReporting.Web.Tests.Platform.Security;

/// <summary>The Data Protection key ring lives in the database (DataProtectionSetup, DatabaseXmlRepository).</summary>
public class DataProtectionTests
{
    [Theory, BothProviders]
    public async Task Start_up_creates_one_key_in_the_database_logs_it_and_writes_none_to_the_data_folder(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);

        await using var scope = app.CreateDbScope();
        var key = (await scope.Db.DataProtectionKeys.ToListAsync()).ShouldHaveSingleItem();
        key.FriendlyName.ShouldStartWith("key-");
        XElement.Parse(key.Xml).Name.LocalName.ShouldBe("key");
        Directory.Exists(Path.Combine(app.Database.DataFolder, "keys")).ShouldBeFalse();
        LogFile.ReadLines(app.Database.DataFolder).ShouldContain(line =>
            line.Contains("UnvReporting.Security: Data protection key ring element " + key.FriendlyName + " stored in the database", StringComparison.Ordinal));
    }

    [Theory, BothProviders]
    public async Task A_sign_in_outlives_a_restart_on_a_machine_with_an_empty_data_folder(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await app.CreateUserAsync(StaffRole.Viewer);
        var jar = new CookieContainer();
        using var before = new StaffBrowser(app.Factory.CreateDefaultClient(new CookieContainerHandler(jar)), app.Url);
        (await before.SignInAsync(StaffAccounts.EmailFor(StaffRole.Viewer), StaffAccounts.Password)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var folder = Directory.CreateTempSubdirectory("unv-test-restart-").FullName;
        try
        {
            await using var restarted = new UnvAppFactory(app.Database, new Dictionary<string, string> { ["DataFolder"] = folder });
            using var after = restarted.CreateDefaultClient(new CookieContainerHandler(jar));

            (await after.GetAsync("/staff")).StatusCode.ShouldBe(HttpStatusCode.OK);
            await using var scope = app.CreateDbScope();
            (await scope.Db.DataProtectionKeys.CountAsync()).ShouldBe(1, "the restarted app should use the key it found, not make its own");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory, BothProviders]
    public async Task The_repository_returns_what_was_stored_in_order_and_skips_a_damaged_row(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var repository = app.Factory.Services.GetRequiredService<IOptions<KeyManagementOptions>>().Value.XmlRepository.ShouldNotBeNull();
        await using (var scope = app.CreateDbScope())
        {
            scope.Db.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = "damaged", Xml = "<key id=" });
            await scope.Db.SaveChangesAsync();
        }

        repository.StoreElement(new XElement("revocation", new XAttribute("version", 1), "中文 & <text>"), "revocation-test");
        var elements = repository.GetAllElements();

        elements.Select(e => e.Name.LocalName).ShouldBe(["key", "revocation"]);
        elements.Last().Value.ShouldBe("中文 & <text>");
    }

    [Theory, BothProviders]
    public async Task A_damaged_key_row_signs_nobody_out_and_is_logged_as_a_security_error(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await app.CreateUserAsync(StaffRole.Viewer);
        var jar = new CookieContainer();
        using var before = new StaffBrowser(app.Factory.CreateDefaultClient(new CookieContainerHandler(jar)), app.Url);
        (await before.SignInAsync(StaffAccounts.EmailFor(StaffRole.Viewer), StaffAccounts.Password)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await using (var scope = app.CreateDbScope())
        {
            scope.Db.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = "damaged", Xml = "<key id=" });
            await scope.Db.SaveChangesAsync();
        }

        await using var restarted = app.StartAnotherOnSameDatabase();
        using var after = restarted.CreateDefaultClient(new CookieContainerHandler(jar));

        (await after.GetAsync("/staff")).StatusCode.ShouldBe(HttpStatusCode.OK);
        LogFile.ReadLines(app.Database.DataFolder).ShouldContain(line =>
            line.Contains("[ERR] UnvReporting.Security: Data protection key ring element damaged in the database is not valid XML and is ignored", StringComparison.Ordinal));
    }

    [Theory, BothProviders]
    public async Task No_log_line_carries_key_material_even_at_the_most_verbose_level(DatabaseProvider provider)
    {
        var verbose = new Dictionary<string, string>
        {
            ["Serilog:MinimumLevel:Default"] = "Verbose",
            ["Serilog:MinimumLevel:Override:Microsoft"] = "Verbose",
            ["Serilog:MinimumLevel:Override:Microsoft.EntityFrameworkCore"] = "Verbose",
            ["Serilog:MinimumLevel:Override:System"] = "Verbose",
        };
        await using var app = await TestApp.StartAsync(provider, verbose);
        (await app.Client.GetAsync("/account/sign-in")).EnsureSuccessStatusCode();
        // A second instance reads the key the first one wrote: the read is where a repository
        // could log what it found.
        await using var restarted = new UnvAppFactory(app.Database, verbose);
        using var client = restarted.CreateClient();
        (await client.GetAsync("/account/sign-in")).EnsureSuccessStatusCode();

        await using var scope = app.CreateDbScope();
        var key = XElement.Parse((await scope.Db.DataProtectionKeys.SingleAsync()).Xml);
        var secret = key.Descendants("masterKey").Single().Element("value").ShouldNotBeNull().Value;
        secret.Length.ShouldBeGreaterThan(20);
        var lines = LogFile.ReadLines(app.Database.DataFolder);
        lines.ShouldContain(line => line.Contains("[DBG] Microsoft.AspNetCore.DataProtection", StringComparison.Ordinal), "the test must reach Data Protection's own Debug logging");
        lines.ShouldNotContain(line => line.Contains(secret, StringComparison.Ordinal) || line.Contains("masterKey", StringComparison.Ordinal));
    }

    [Theory, BothProviders]
    public async Task With_a_certificate_no_key_is_stored_in_plain_and_sign_ins_outlive_a_restart(DatabaseProvider provider)
    {
        using var certificate = new CertificateFile("current");
        await using var app = await TestApp.StartAsync(provider, certificate.Settings());
        await app.CreateUserAsync(StaffRole.Viewer);
        var jar = new CookieContainer();
        using var before = app.Factory.CreateDefaultClient(new CookieContainerHandler(jar));
        (await new StaffBrowser(before, app.Url).SignInAsync(StaffAccounts.EmailFor(StaffRole.Viewer), StaffAccounts.Password)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        await using var restarted = new UnvAppFactory(app.Database, certificate.Settings());
        using var after = restarted.CreateDefaultClient(new CookieContainerHandler(jar));

        (await after.GetAsync("/staff")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await using var scope = app.CreateDbScope();
        var key = XElement.Parse((await scope.Db.DataProtectionKeys.SingleAsync()).Xml);
        key.Descendants("masterKey").ShouldBeEmpty("the master key is inside the encrypted secret, not beside it");
        key.Descendants().ShouldContain(e => e.Name.LocalName == "EncryptedData");
        key.ToString().ShouldNotContain("unencrypted");
        LogFile.ReadLines(app.Database.DataFolder).ShouldNotContain(line => line.Contains("[WRN]", StringComparison.Ordinal) || line.Contains("[ERR]", StringComparison.Ordinal));
    }

    [Theory, BothProviders]
    public async Task Keys_stored_before_the_certificate_still_read_and_a_replaced_certificate_is_kept_for_reading(DatabaseProvider provider)
    {
        using var first = new CertificateFile("first");
        using var second = new CertificateFile("second");
        await using var app = await TestApp.StartAsync(provider);
        await app.CreateUserAsync(StaffRole.Viewer);
        var plainJar = new CookieContainer();
        using (var plain = app.Factory.CreateDefaultClient(new CookieContainerHandler(plainJar)))
        {
            (await new StaffBrowser(plain, app.Url).SignInAsync(StaffAccounts.EmailFor(StaffRole.Viewer), StaffAccounts.Password)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        // The operator adds a certificate: the unencrypted key still reads; a new key is encrypted.
        await using var withFirst = new UnvAppFactory(app.Database, first.Settings());
        (await withFirst.CreateDefaultClient(new CookieContainerHandler(plainJar)).GetAsync("/staff")).StatusCode.ShouldBe(HttpStatusCode.OK);
        withFirst.Services.GetRequiredService<IKeyManager>().CreateNewKey(DateTimeOffset.UtcNow.AddSeconds(-1), DateTimeOffset.UtcNow.AddDays(90));
        var firstJar = new CookieContainer();
        using (var client = withFirst.CreateDefaultClient(new CookieContainerHandler(firstJar)))
        {
            (await new StaffBrowser(client, app.Url).SignInAsync(StaffAccounts.EmailFor(StaffRole.Viewer), StaffAccounts.Password)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        // Then replaces it, listing the old one so that keys it encrypted can still be read.
        var rotated = second.Settings();
        rotated["DataProtection:PreviousCertificates:0:Path"] = first.Path;
        rotated["DataProtection:PreviousCertificates:0:Password"] = first.Password;
        await using var withSecond = new UnvAppFactory(app.Database, rotated);

        (await withSecond.CreateDefaultClient(new CookieContainerHandler(firstJar)).GetAsync("/staff")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await withSecond.CreateDefaultClient(new CookieContainerHandler(plainJar)).GetAsync("/staff")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await using var scope = app.CreateDbScope();
        var keys = (await scope.Db.DataProtectionKeys.ToListAsync()).Select(k => k.Xml).ToList();
        keys.Count.ShouldBe(2);
        keys.Count(xml => xml.Contains("EncryptedData", StringComparison.Ordinal)).ShouldBe(1);
    }

    [Theory, BothProviders]
    public async Task In_production_a_start_without_a_certificate_warns_that_the_keys_are_unencrypted(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await using var development = new UnvAppFactory(app.Database, new Dictionary<string, string> { ["DataFolder"] = app.Database.DataFolder + "-dev" }, environment: "Development");

        (await app.Client.GetAsync("/health/live")).EnsureSuccessStatusCode();
        (await development.CreateClient().GetAsync("/health/live")).EnsureSuccessStatusCode();

        LogFile.ReadLines(app.Database.DataFolder).ShouldContain(line =>
            line.Contains("[WRN] UnvReporting.Security: DataProtection:CertificatePath is not set", StringComparison.Ordinal));
        LogFile.ReadLines(app.Database.DataFolder + "-dev").ShouldNotContain(line => line.Contains("DataProtection:CertificatePath", StringComparison.Ordinal));
        Directory.Delete(app.Database.DataFolder + "-dev", recursive: true);
    }

    [Fact]
    public async Task A_certificate_that_cannot_be_read_stops_start_up_with_a_clear_message()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        using var certificate = new CertificateFile("wrong password");
        var settings = certificate.Settings();
        settings["DataProtection:CertificatePassword"] = "not the password";
        await using var factory = new UnvAppFactory(database, settings);

        var refused = Should.Throw<InvalidOperationException>(() => factory.Services);

        refused.Message.ShouldStartWith($"DataProtection:CertificatePath: the certificate {certificate.Path} could not be read");
    }

    /// <summary>A self-signed certificate with its private key in a password-protected PKCS#12 file, as an operator would supply it.</summary>
    private sealed class CertificateFile : IDisposable
    {
        private readonly string _folder = Directory.CreateTempSubdirectory("unv-test-cert-").FullName;

        public CertificateFile(string name)
        {
            using var rsa = RSA.Create(2048);
            var request = new CertificateRequest($"CN=UNV Data Protection {name}", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
            Path = System.IO.Path.Combine(_folder, "data-protection.pfx");
            File.WriteAllBytes(Path, certificate.Export(X509ContentType.Pfx, Password));
        }

        public string Path { get; }

        public string Password { get; } = "a certificate password";

        public Dictionary<string, string> Settings() => new()
        {
            ["DataProtection:CertificatePath"] = Path,
            ["DataProtection:CertificatePassword"] = Password,
        };

        public void Dispose() => Directory.Delete(_folder, recursive: true);
    }
}
