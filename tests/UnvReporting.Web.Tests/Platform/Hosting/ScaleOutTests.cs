using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.KeyManagement.Internal;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UnvReporting.Domain.Staff;
using UnvReporting.Testing;
using UnvReporting.Web.Features.Staff.Years.Import;
using UnvReporting.Web.Platform.Data;
using UnvReporting.Web.Tests.Features.Staff.Years.Import;
using UnvReporting.Web.Tests.Support;

namespace UnvReporting.Web.Tests.Platform.Hosting;

/// <summary>
/// Two instances of the app on one PostgreSQL database, as behind a reverse proxy
/// (docs/deployment.md). Each instance has a data folder of its own, so nothing they share can
/// come from the disk. A browser's requests may reach either one, so the tests send them through
/// one cookie jar to both: sign-in, antiforgery and TempData cookies written by one instance are
/// read by the other. PostgreSQL only: several instances on one server is what the tests are
/// about, and SQLite serves one instance.
/// </summary>
public class ScaleOutTests
{
    private const string Email = "approver@unv.test";

    [Fact]
    public async Task A_staff_member_signed_in_on_one_instance_is_signed_in_on_the_other()
    {
        await using var pair = await InstancePair.StartAsync();
        await pair.App.CreateUserAsync(StaffRole.Approver, Email);
        var (onA, onB) = pair.ClientsSharingCookies();
        var visitorOnB = pair.B.CreateClient(new() { AllowAutoRedirect = false });

        (await onA.SignInAsync(Email, StaffAccounts.Password)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var staffOnB = await onB.GetAsync(onB.Url.Staff);
        var visitorStaffOnB = await visitorOnB.GetAsync(onB.Url.Staff);

        staffOnB.StatusCode.ShouldBe(HttpStatusCode.OK, "B did not accept the staff cookie A issued");
        visitorStaffOnB.StatusCode.ShouldBe(HttpStatusCode.Redirect, "the staff page must be closed to visitors, or the check above proves nothing");
    }

    [Fact]
    public async Task A_form_served_by_one_instance_is_accepted_by_the_other()
    {
        await using var pair = await InstancePair.StartAsync();
        await pair.App.CreateUserAsync(StaffRole.Approver, Email);
        var (onA, onB) = pair.ClientsSharingCookies();

        // The antiforgery cookie and the form's token both come from A; the post goes to B.
        var token = await onA.AntiforgeryTokenAsync(onA.Url.SignIn);
        var signIn = await onB.PostAsync(onB.Url.SignIn, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = Email,
            ["Input.Password"] = StaffAccounts.Password,
            ["__RequestVerificationToken"] = token,
        }));

        signIn.StatusCode.ShouldBe(HttpStatusCode.Redirect, "B refused A's antiforgery token: " + await signIn.Content.ReadAsStringAsync());
        (await onA.GetAsync(onA.Url.Staff)).StatusCode.ShouldBe(HttpStatusCode.OK, "A did not accept the staff cookie B issued");
    }

    [Fact]
    public async Task An_upload_previewed_on_one_instance_is_confirmed_on_the_other()
    {
        await using var pair = await InstancePair.StartAsync();
        await DraftYear.AddAsync(pair.App);
        await pair.App.CreateUserAsync(StaffRole.Editor, StaffAccounts.EmailFor(StaffRole.Editor));
        var (onA, onB) = pair.ClientsSharingCookies();
        (await onA.SignInAsync(StaffAccounts.EmailFor(StaffRole.Editor), StaffAccounts.Password)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var template = await onA.Client.GetByteArrayAsync(onA.Url.ImportTemplate(DraftYear.Year, "xlsx"));

        var upload = await onA.UploadAsync(DraftYear.Year, Workbooks.SetCell(template, "Indicators", "F2", 45m), "figures.xlsx");
        var preview = upload.Location() ?? throw new InvalidOperationException("The upload did not lead to a preview: " + await upload.Content.ReadAsStringAsync());
        var confirm = await onB.PostFormAsync($"{preview}?handler=Confirm", new Dictionary<string, string>(), pagePath: preview);

        confirm.StatusCode.ShouldBe(HttpStatusCode.Redirect, await confirm.Content.ReadAsStringAsync());

        // B's "Imported" message travels in a TempData cookie, which A reads.
        (await onA.GetDocumentAsync(confirm.Location()!)).QuerySelector("#import-message")!.Text().ShouldContain("1 row changed");
        await using var scope = pair.App.CreateDbScope();
        (await scope.Db.IndicatorYears.SingleAsync(iy => iy.Year == DraftYear.Year)).Result.ShouldBe(45m);
    }

    [Fact]
    public async Task A_key_one_instance_has_just_created_is_read_by_the_other()
    {
        await using var pair = await InstancePair.StartAsync();
        await pair.App.CreateUserAsync(StaffRole.Approver, Email);
        var (onA, onB) = pair.ClientsSharingCookies();
        var original = RingOf(pair.B).DefaultKeyId;

        // What an operator does after a leak: revoke every key. A replaces the key at once and
        // protects with the replacement, which B has never read.
        pair.A.Services.GetRequiredService<IKeyManager>().RevokeAllKeys(DateTimeOffset.UtcNow, "Test: the keys may have leaked");
        // The key manager swaps in the new ring in the background, a moment after the change.
        var replacement = await PollAsync(() => Task.FromResult(RingOf(pair.A).DefaultKeyId), id => id != original);
        replacement.ShouldNotBe(original, "A did not replace the revoked key");
        RingOf(pair.B).GetAuthenticatedEncryptorByKeyId(replacement, out _).ShouldBeNull();
        (await onA.SignInAsync(Email, StaffAccounts.Password)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        // B meets a key id it does not know and reads the ring from the database again.
        (await onB.GetAsync(onB.Url.Staff)).StatusCode.ShouldBe(HttpStatusCode.OK, "B did not find the key A created");
        RingOf(pair.B).GetAuthenticatedEncryptorByKeyId(replacement, out _).ShouldNotBeNull();
    }

    [Fact]
    public async Task Instances_started_on_one_database_share_the_one_key_the_first_created()
    {
        await using var pair = await InstancePair.StartAsync();

        RingOf(pair.B).DefaultKeyId.ShouldBe(RingOf(pair.A).DefaultKeyId);
        await using var scope = pair.App.CreateDbScope();
        (await scope.Db.DataProtectionKeys.CountAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task An_edit_saved_on_one_instance_is_seen_by_readers_of_the_other()
    {
        await using var pair = await InstancePair.StartAsync();
        const string Api = "/api/v1/years/2021/indicators/1.1";
        var reader = pair.B.CreateClient(new() { AllowAutoRedirect = false });

        // Read on B first, so that B holds the old figures in whatever it caches.
        (await reader.GetJsonAsync(Api)).Raw("result").ShouldBe("63");
        (await ResultOnPageAsync(reader)).ShouldBe("63%");

        // The bearer token comes from B and the edit is saved on A: tokens cross instances too.
        await pair.App.CreateUserAsync(StaffRole.Approver, Email);
        var issued = await reader.PostAsJsonAsync("/api/v1/auth/token", new { email = Email, password = StaffAccounts.Password });
        var token = (await issued.JsonAsync(200)).GetProperty("accessToken").GetString()!;
        var onA = pair.A.CreateClient(new() { AllowAutoRedirect = false });
        var version = (await StaffGetJsonAsync(onA, Api, token)).GetProperty("version").GetString();
        using var put = new HttpRequestMessage(HttpMethod.Put, Api)
        {
            Content = new StringContent($$"""{"result":61,"reason":"Paragraph 4 gives 61%.","version":"{{version}}"}""", System.Text.Encoding.UTF8, "application/json"),
        };
        put.Headers.Authorization = new("Bearer", token);
        var saved = await onA.SendAsync(put);
        saved.StatusCode.ShouldBe(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());

        // Once B caches, the edit reaches it through the database's notification, not at once.
        var (api, page) = await PollAsync(async () =>
            ((await reader.GetJsonAsync(Api)).Raw("result"), await ResultOnPageAsync(reader)),
            seen => seen is ("61", "61%"));
        api.ShouldBe("61", "B's API still answers the old result 5 seconds after A saved the new one");
        page.ShouldBe("61%", "B's page still shows the old result 5 seconds after A saved the new one");
    }

    private static IKeyRing RingOf(UnvAppFactory instance) =>
        instance.Services.GetRequiredService<IKeyRingProvider>().GetCurrentKeyRing();

    private static async Task<string> ResultOnPageAsync(HttpClient client)
    {
        var page = await client.GetDocumentAsync("/indicators/2021");
        var cells = page.QuerySelector("tr.indicator-row[data-key='1.1']")?.QuerySelectorAll("td")
            ?? throw new InvalidOperationException("/indicators/2021 has no row for indicator 1.1.");
        return cells[2].Text();
    }

    private static async Task<JsonElement> StaffGetJsonAsync(HttpClient client, string path, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new("Bearer", token);
        var response = await client.SendAsync(request);
        return await response.JsonAsync(200);
    }

    /// <summary>Reads until <paramref name="done"/> holds or five seconds pass; returns the last reading either way.</summary>
    private static async Task<T> PollAsync<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        var clock = Stopwatch.StartNew();
        var value = await read();
        while (!done(value) && clock.Elapsed < TimeSpan.FromSeconds(5))
        {
            await Task.Delay(100);
            value = await read();
        }

        return value;
    }

    /// <summary>Instance A (the test's app) and instance B, each with its own data folder, on A's database.</summary>
    private sealed class InstancePair : IAsyncDisposable
    {
        private readonly string _folderOfB;

        private InstancePair(TestApp app, UnvAppFactory b, string folderOfB)
        {
            App = app;
            B = b;
            _folderOfB = folderOfB;
        }

        public TestApp App { get; }

        public UnvAppFactory A => App.Factory;

        public UnvAppFactory B { get; }

        public static async Task<InstancePair> StartAsync()
        {
            // A has started when this returns: it migrated the database and created the key.
            var app = await TestApp.StartAsync(DatabaseProvider.Postgres);
            var folder = Directory.CreateTempSubdirectory("unv-test-b-").FullName;
            var b = new UnvAppFactory(app.Database, new Dictionary<string, string> { ["DataFolder"] = folder });
            _ = b.Services;
            return new InstancePair(app, b, folder);
        }

        /// <summary>One browser whose requests the proxy sends now to A, now to B.</summary>
        public (StaffBrowser OnA, StaffBrowser OnB) ClientsSharingCookies()
        {
            var jar = new CookieContainer();
            return (
                new StaffBrowser(A.CreateDefaultClient(new CookieContainerHandler(jar)), new AppUrls(A.Services)),
                new StaffBrowser(B.CreateDefaultClient(new CookieContainerHandler(jar)), new AppUrls(B.Services)));
        }

        public async ValueTask DisposeAsync()
        {
            await B.DisposeAsync();
            await App.DisposeAsync();
            Directory.Delete(_folderOfB, recursive: true);
        }
    }
}
