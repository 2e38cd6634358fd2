using System.Net;
using Microsoft.EntityFrameworkCore;
using UnvReporting.Domain.Staff;
using UnvReporting.Testing;
using UnvReporting.Web.Platform.Data;
using UnvReporting.Web.Tests.Support;

namespace UnvReporting.Web.Tests.Features.Admin;

/// <summary>
/// The bad-input corpus (<see cref="BadInput"/>) thrown at every field of the Admin forms and of
/// the new-year form: each value refused with a message, the database as it was. Forms that add
/// something get every other field filled validly, and a control post proves that form saves.
/// </summary>
public class BadInputTests
{
    private const string Framework = "2018-2021";
    private const string NewFramework = "2026-2029";

    /// <summary>Passwords any policy of twelve characters or more refuses; longer payloads are legitimate passwords.</summary>
    private static readonly IReadOnlyList<BadValue> BadNewPasswords =
        [BadInput.Letters, BadInput.NaN, BadInput.Infinity, BadInput.Negative, BadInput.Empty, BadInput.Blank, BadInput.Oversize, BadInput.Nul, BadInput.Bell];

    private static readonly Dictionary<string, string> ValidAccount = new()
    {
        ["Input.Email"] = "new.person@unv.test",
        ["Input.DisplayName"] = "New Person",
        ["Input.Role"] = "Editor",
        ["Input.Password"] = "a long enough passphrase",
    };

    private static readonly Dictionary<string, string> ValidFramework = new()
    {
        ["Input.StartYear"] = "2026",
        ["Input.EndYear"] = "2029",
        ["Input.DocumentSymbol"] = "DP/2025/9",
        ["Input.GreenFrom"] = "90",
        ["Input.YellowFrom"] = "60",
    };

    private static readonly Dictionary<string, string> ValidArea = new()
    {
        ["Input.Code"] = "9",
        ["Input.Kind"] = "Outcome",
        ["Input.ParentCode"] = string.Empty,
        ["Input.SortOrder"] = "90",
        ["Input.TitleEn"] = "A new outcome",
        ["Input.TitleZh"] = "新成果",
    };

    private static readonly Dictionary<string, string> ValidIndicator = new()
    {
        ["Input.Key"] = "1.9",
        ["Input.AreaCode"] = "1",
        ["Input.SortOrder"] = "90",
    };

    private static readonly Dictionary<string, string> ValidYear = new()
    {
        ["Input.FrameworkCode"] = NewFramework,
        ["Input.Year"] = "2026",
        ["Input.ReportSymbol"] = string.Empty,
    };

    /// <summary>Codes of letters and digits ("IE", "1.1") are well formed, whatever they spell.</summary>
    private static readonly IReadOnlyList<BadValue> BadAreaCodes =
        BadInput.RefusedBy(FieldKind.Key).Except([BadInput.Letters, BadInput.NaN, BadInput.Infinity, BadInput.Exponent]).ToList();

    /// <summary>A sort order only ranks ("lower comes first"): a negative one is legitimate.</summary>
    private static readonly IReadOnlyList<BadValue> BadSortOrders =
        BadInput.RefusedBy(FieldKind.WholeNumber).Except([BadInput.Negative, BadInput.NegativeZero]).ToList();

    private static FormField Account(AppUrls url, string field, FieldKind kind, bool required = true, IReadOnlyList<BadValue>? values = null) =>
        new(url.NewUser, field, kind, required, Also: ValidAccount, Values: values);

    private static IReadOnlyList<FormField> UserFields(AppUrls url, string viewerId) =>
    [
        Account(url, "Input.Email", FieldKind.Email),
        Account(url, "Input.DisplayName", FieldKind.ShortText, required: false),
        Account(url, "Input.Role", FieldKind.Choice),
        Account(url, "Input.Password", FieldKind.Password, values: BadNewPasswords),
        new(url.Users, "role", FieldKind.Choice, Handler: "Role", Match: new Dictionary<string, string> { ["id"] = viewerId }),
        new(url.Users, "id", FieldKind.Choice, Handler: "Role", Match: new Dictionary<string, string> { ["id"] = viewerId }, Also: new Dictionary<string, string> { ["role"] = "Editor" }),
        new(url.Users, "id", FieldKind.Choice, Handler: "Disable", Match: new Dictionary<string, string> { ["id"] = viewerId }),
        new(url.Users, "disable", FieldKind.Choice, Handler: "Disable", Match: new Dictionary<string, string> { ["id"] = viewerId }),
    ];

    private static IReadOnlyList<FormField> FrameworkFields(AppUrls url) =>
    [
        new(url.Frameworks, "Input.StartYear", FieldKind.WholeNumber, Also: ValidFramework),
        new(url.Frameworks, "Input.EndYear", FieldKind.WholeNumber, Also: ValidFramework),
        new(url.Frameworks, "Input.DocumentSymbol", FieldKind.ShortText, Also: ValidFramework),
        new(url.Frameworks, "Input.GreenFrom", FieldKind.WholeNumber, Also: ValidFramework),
        new(url.Frameworks, "Input.YellowFrom", FieldKind.WholeNumber, Also: ValidFramework),
        new(url.Framework(Framework), "Input.GreenFrom", FieldKind.WholeNumber),
        new(url.Framework(Framework), "Input.YellowFrom", FieldKind.WholeNumber),
        new(url.Framework(Framework), "Input.Version", FieldKind.Version, Also: new Dictionary<string, string> { ["Input.GreenFrom"] = "95" }),
        new(url.Areas(Framework), "Input.Code", FieldKind.Key, Also: ValidArea, Values: BadAreaCodes),
        new(url.Areas(Framework), "Input.Kind", FieldKind.Choice, Also: ValidArea),
        new(url.Areas(Framework), "Input.ParentCode", FieldKind.Choice, Required: false, Also: ValidArea),
        new(url.Areas(Framework), "Input.SortOrder", FieldKind.WholeNumber, Also: ValidArea, Values: BadSortOrders),
        new(url.Areas(Framework), "Input.TitleEn", FieldKind.ShortText, Also: ValidArea),
        new(url.Areas(Framework), "Input.TitleZh", FieldKind.ShortText, Also: ValidArea),
        new(url.Areas(Framework), "titleEn", FieldKind.ShortText, Handler: "Rename"),
        new(url.Areas(Framework), "titleZh", FieldKind.ShortText, Handler: "Rename"),
        new(url.Areas(Framework), "version", FieldKind.Version, Handler: "Rename", Also: new Dictionary<string, string> { ["titleEn"] = "Renamed" }),
        new(url.Areas(Framework), "areaId", FieldKind.Choice, Handler: "Rename", Also: new Dictionary<string, string> { ["titleEn"] = "Renamed" }),
        new(url.FrameworkIndicators(Framework), "Input.Key", FieldKind.Key, Also: ValidIndicator),
        new(url.FrameworkIndicators(Framework), "Input.AreaCode", FieldKind.Choice, Also: ValidIndicator),
        new(url.FrameworkIndicators(Framework), "Input.SortOrder", FieldKind.WholeNumber, Also: ValidIndicator, Values: BadSortOrders),
        new(url.FrameworkIndicators(Framework), "areaCode", FieldKind.Choice, Handler: "Move"),
        new(url.FrameworkIndicators(Framework), "sortOrder", FieldKind.WholeNumber, Handler: "Move", Values: BadSortOrders),
        new(url.FrameworkIndicators(Framework), "version", FieldKind.Version, Handler: "Move", Also: new Dictionary<string, string> { ["sortOrder"] = "99" }),
        new(url.FrameworkIndicators(Framework), "indicatorId", FieldKind.Choice, Handler: "Move", Also: new Dictionary<string, string> { ["sortOrder"] = "99" }),
    ];

    private static IReadOnlyList<FormField> DefinitionFields(AppUrls url) =>
    [
        new(url.Definitions(DraftYear.Year), "row.CodeAsPublished", FieldKind.Key, Handler: "Redefine"),
        new(url.Definitions(DraftYear.Year), "row.TitleEn", FieldKind.ShortText, Handler: "Redefine"),
        new(url.Definitions(DraftYear.Year), "row.TitleZh", FieldKind.ShortText, Handler: "Redefine"),
        new(url.Definitions(DraftYear.Year), "row.Unit", FieldKind.Choice, Handler: "Redefine"),
        new(url.Definitions(DraftYear.Year), "row.Direction", FieldKind.Choice, Handler: "Redefine"),
        new(url.Definitions(DraftYear.Year), "version", FieldKind.Version, Handler: "Redefine", Also: new Dictionary<string, string> { ["row.TitleEn"] = "Redefined" }),
        new(url.Definitions(DraftYear.Year), "reason", FieldKind.ShortText, Required: false, Handler: "Redefine", Also: new Dictionary<string, string> { ["row.TitleEn"] = "Redefined" }),
    ];

    private static IReadOnlyList<FormField> YearFields(AppUrls url) =>
    [
        new(url.NewYear, "Input.FrameworkCode", FieldKind.Choice, Also: ValidYear),
        new(url.NewYear, "Input.Year", FieldKind.WholeNumber, Also: ValidYear),
        new(url.NewYear, "Input.ReportSymbol", FieldKind.ShortText, Required: false, Also: ValidYear),
    ];

    [Theory, BothProviders]
    public async Task Every_admin_form_field_refuses_the_corpus_and_leaves_the_database_as_it_was(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await DraftYear.AddAsync(app);
        await app.CreateUserAsync(StaffRole.Viewer);
        var viewerId = await app.AccountIdAsync(StaffAccounts.EmailFor(StaffRole.Viewer));
        using var admin = await app.SignedInAsync(StaffRole.Admin);
        var failures = new List<string>();

        foreach (var field in UserFields(app.Url, viewerId).Concat(FrameworkFields(app.Url)).Concat(DefinitionFields(app.Url)))
        {
            failures.AddRange(await BadInputForms.ThrowCorpusAsync(app, admin, field));
        }

        failures.ShouldBeEmpty(string.Join(Environment.NewLine, failures));

        // The controls: each form that adds something saves when only its bad field is left out.
        (await BadInputForms.PostControlAsync(admin, UserFields(app.Url, viewerId)[0])).ShouldBe(HttpStatusCode.Redirect);
        (await BadInputForms.PostControlAsync(admin, FrameworkFields(app.Url)[0])).ShouldBe(HttpStatusCode.Redirect);
        (await BadInputForms.PostControlAsync(admin, FrameworkFields(app.Url)[8])).ShouldBe(HttpStatusCode.Redirect);
        (await BadInputForms.PostControlAsync(admin, FrameworkFields(app.Url)[18])).ShouldBe(HttpStatusCode.Redirect);

        // The new-year form needs a framework with a year free: the one the control just added.
        foreach (var field in YearFields(app.Url))
        {
            failures.AddRange(await BadInputForms.ThrowCorpusAsync(app, admin, field));
        }

        failures.ShouldBeEmpty(string.Join(Environment.NewLine, failures));
        (await BadInputForms.PostControlAsync(admin, YearFields(app.Url)[0])).ShouldBe(HttpStatusCode.Redirect);
        await using var scope = app.CreateDbScope();
        (await scope.Db.ReportingYears.AnyAsync(y => y.Year == 2026)).ShouldBeTrue();
        (await scope.Db.Indicators.AnyAsync(i => i.Key == "1.9")).ShouldBeTrue();
        (await scope.Db.ResultAreas.AnyAsync(a => a.Code == "9")).ShouldBeTrue();
        (await scope.Db.Users.AnyAsync(u => u.Email == "new.person@unv.test")).ShouldBeTrue();
    }
}
