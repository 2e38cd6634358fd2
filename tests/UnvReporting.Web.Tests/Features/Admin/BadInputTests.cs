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
    private const string Framework = "/admin/frameworks/2018-2021";
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

    private static FormField Account(string field, FieldKind kind, bool required = true, IReadOnlyList<BadValue>? values = null) =>
        new("/admin/users/new", field, kind, required, Also: ValidAccount, Values: values);

    private static IReadOnlyList<FormField> UserFields(string viewerId) =>
    [
        Account("Input.Email", FieldKind.Email),
        Account("Input.DisplayName", FieldKind.ShortText, required: false),
        Account("Input.Role", FieldKind.Choice),
        Account("Input.Password", FieldKind.Password, values: BadNewPasswords),
        new("/admin/users", "role", FieldKind.Choice, Handler: "Role", Match: new Dictionary<string, string> { ["id"] = viewerId }),
        new("/admin/users", "id", FieldKind.Choice, Handler: "Role", Match: new Dictionary<string, string> { ["id"] = viewerId }, Also: new Dictionary<string, string> { ["role"] = "Editor" }),
        new("/admin/users", "id", FieldKind.Choice, Handler: "Disable", Match: new Dictionary<string, string> { ["id"] = viewerId }),
        new("/admin/users", "disable", FieldKind.Choice, Handler: "Disable", Match: new Dictionary<string, string> { ["id"] = viewerId }),
    ];

    private static IReadOnlyList<FormField> FrameworkFields =>
    [
        new("/admin/frameworks", "Input.StartYear", FieldKind.WholeNumber, Also: ValidFramework),
        new("/admin/frameworks", "Input.EndYear", FieldKind.WholeNumber, Also: ValidFramework),
        new("/admin/frameworks", "Input.DocumentSymbol", FieldKind.ShortText, Also: ValidFramework),
        new("/admin/frameworks", "Input.GreenFrom", FieldKind.WholeNumber, Also: ValidFramework),
        new("/admin/frameworks", "Input.YellowFrom", FieldKind.WholeNumber, Also: ValidFramework),
        new(Framework, "Input.GreenFrom", FieldKind.WholeNumber),
        new(Framework, "Input.YellowFrom", FieldKind.WholeNumber),
        new(Framework, "Input.Version", FieldKind.Version, Also: new Dictionary<string, string> { ["Input.GreenFrom"] = "95" }),
        new(Framework + "/areas", "Input.Code", FieldKind.Key, Also: ValidArea, Values: BadAreaCodes),
        new(Framework + "/areas", "Input.Kind", FieldKind.Choice, Also: ValidArea),
        new(Framework + "/areas", "Input.ParentCode", FieldKind.Choice, Required: false, Also: ValidArea),
        new(Framework + "/areas", "Input.SortOrder", FieldKind.WholeNumber, Also: ValidArea, Values: BadSortOrders),
        new(Framework + "/areas", "Input.TitleEn", FieldKind.ShortText, Also: ValidArea),
        new(Framework + "/areas", "Input.TitleZh", FieldKind.ShortText, Also: ValidArea),
        new(Framework + "/areas", "titleEn", FieldKind.ShortText, Handler: "Rename"),
        new(Framework + "/areas", "titleZh", FieldKind.ShortText, Handler: "Rename"),
        new(Framework + "/areas", "version", FieldKind.Version, Handler: "Rename", Also: new Dictionary<string, string> { ["titleEn"] = "Renamed" }),
        new(Framework + "/areas", "areaId", FieldKind.Choice, Handler: "Rename", Also: new Dictionary<string, string> { ["titleEn"] = "Renamed" }),
        new(Framework + "/indicators", "Input.Key", FieldKind.Key, Also: ValidIndicator),
        new(Framework + "/indicators", "Input.AreaCode", FieldKind.Choice, Also: ValidIndicator),
        new(Framework + "/indicators", "Input.SortOrder", FieldKind.WholeNumber, Also: ValidIndicator, Values: BadSortOrders),
        new(Framework + "/indicators", "areaCode", FieldKind.Choice, Handler: "Move"),
        new(Framework + "/indicators", "sortOrder", FieldKind.WholeNumber, Handler: "Move", Values: BadSortOrders),
        new(Framework + "/indicators", "version", FieldKind.Version, Handler: "Move", Also: new Dictionary<string, string> { ["sortOrder"] = "99" }),
        new(Framework + "/indicators", "indicatorId", FieldKind.Choice, Handler: "Move", Also: new Dictionary<string, string> { ["sortOrder"] = "99" }),
    ];

    private static IReadOnlyList<FormField> DefinitionFields =>
    [
        new("/admin/years/2020/definitions", "row.CodeAsPublished", FieldKind.Key, Handler: "Redefine"),
        new("/admin/years/2020/definitions", "row.TitleEn", FieldKind.ShortText, Handler: "Redefine"),
        new("/admin/years/2020/definitions", "row.TitleZh", FieldKind.ShortText, Handler: "Redefine"),
        new("/admin/years/2020/definitions", "row.Unit", FieldKind.Choice, Handler: "Redefine"),
        new("/admin/years/2020/definitions", "row.Direction", FieldKind.Choice, Handler: "Redefine"),
        new("/admin/years/2020/definitions", "version", FieldKind.Version, Handler: "Redefine", Also: new Dictionary<string, string> { ["row.TitleEn"] = "Redefined" }),
        new("/admin/years/2020/definitions", "reason", FieldKind.ShortText, Required: false, Handler: "Redefine", Also: new Dictionary<string, string> { ["row.TitleEn"] = "Redefined" }),
    ];

    private static IReadOnlyList<FormField> YearFields =>
    [
        new("/staff/years/new", "Input.FrameworkCode", FieldKind.Choice, Also: ValidYear),
        new("/staff/years/new", "Input.Year", FieldKind.WholeNumber, Also: ValidYear),
        new("/staff/years/new", "Input.ReportSymbol", FieldKind.ShortText, Required: false, Also: ValidYear),
    ];

    [Theory, BothProviders]
    public async Task Every_admin_form_field_refuses_the_corpus_and_leaves_the_database_as_it_was(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await DraftYear.AddAsync(app);
        await app.CreateUserAsync(StaffRole.Viewer);
        var viewerId = await app.AccountIdAsync(StaffAccounts.EmailFor(StaffRole.Viewer));
        using var admin = await app.ClientAsAsync(StaffRole.Admin);
        var failures = new List<string>();

        foreach (var field in UserFields(viewerId).Concat(FrameworkFields).Concat(DefinitionFields))
        {
            failures.AddRange(await BadInputForms.ThrowCorpusAsync(app, admin, field));
        }

        failures.ShouldBeEmpty(string.Join(Environment.NewLine, failures));

        // The controls: each form that adds something saves when only its bad field is left out.
        (await BadInputForms.PostControlAsync(admin, UserFields(viewerId)[0])).ShouldBe(HttpStatusCode.Redirect);
        (await BadInputForms.PostControlAsync(admin, FrameworkFields[0])).ShouldBe(HttpStatusCode.Redirect);
        (await BadInputForms.PostControlAsync(admin, FrameworkFields[8])).ShouldBe(HttpStatusCode.Redirect);
        (await BadInputForms.PostControlAsync(admin, FrameworkFields[18])).ShouldBe(HttpStatusCode.Redirect);

        // The new-year form needs a framework with a year free: the one the control just added.
        foreach (var field in YearFields)
        {
            failures.AddRange(await BadInputForms.ThrowCorpusAsync(app, admin, field));
        }

        failures.ShouldBeEmpty(string.Join(Environment.NewLine, failures));
        (await BadInputForms.PostControlAsync(admin, YearFields[0])).ShouldBe(HttpStatusCode.Redirect);
        await using var scope = app.CreateDbScope();
        (await scope.Db.ReportingYears.AnyAsync(y => y.Year == 2026)).ShouldBeTrue();
        (await scope.Db.Indicators.AnyAsync(i => i.Key == "1.9")).ShouldBeTrue();
        (await scope.Db.ResultAreas.AnyAsync(a => a.Code == "9")).ShouldBeTrue();
        (await scope.Db.Users.AnyAsync(u => u.Email == "new.person@unv.test")).ShouldBeTrue();
    }
}
