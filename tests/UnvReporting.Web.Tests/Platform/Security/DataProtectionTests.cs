using System.Net;
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
}
