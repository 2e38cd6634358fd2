using System.Net;
using Microsoft.EntityFrameworkCore;
using UnvReporting.Domain.Staff;
using UnvReporting.Testing;
using UnvReporting.Web.Platform.Data;
using UnvReporting.Web.Tests.Support;

namespace UnvReporting.Web.Tests.Features.Staff;

/// <summary>
/// The bad-input corpus (<see cref="BadInput"/>) thrown at every field of every staff form that
/// writes: each value is refused with a message and the database stays as it was. One app per
/// provider for all the fields keeps the run short; a control post per form proves the form,
/// with only the field left alone, would have been saved.
/// </summary>
public class BadInputTests
{
    /// <summary>A real change to the row, so a bad field is refused for itself, not because nothing changed.</summary>
    private static readonly Dictionary<string, string> ChangeResult = new() { ["Rows[0].Result"] = "45" };

    private static readonly Dictionary<string, string> ValidFact = new()
    {
        ["Input.MetricKey"] = "women_share",
        ["Input.Dimension"] = string.Empty,
        ["Input.Member"] = string.Empty,
        ["Input.Value"] = "50",
        ["Input.Qualifier"] = "Exact",
        ["Input.Source"] = "DP/2021/36 para 12",
        ["Input.Note"] = string.Empty,
    };

    public static IReadOnlyList<FormField> EntryFields(AppUrls url) =>
    [
        new(url.StaffYear(DraftYear.Year), "Rows[0].Milestone", FieldKind.Number, Required: false),
        new(url.StaffYear(DraftYear.Year), "Rows[0].Result", FieldKind.Number, Required: false),
        new(url.StaffYear(DraftYear.Year), "Rows[0].NarrativeEn", FieldKind.LongText, Required: false),
        new(url.StaffYear(DraftYear.Year), "Rows[0].NarrativeZh", FieldKind.LongText, Required: false),
        new(url.StaffYear(DraftYear.Year), "Rows[0].Version", FieldKind.Version, Also: ChangeResult),
        new(url.StaffYear(DraftYear.Year), "Rows[0].Key", FieldKind.Key, Also: ChangeResult),
        new(url.StaffYear(DraftYear.Year), "Reason", FieldKind.ShortText, Required: false, Also: ChangeResult),
    ];

    public static IReadOnlyList<FormField> NewFactFields(AppUrls url) =>
    [
        new(url.NewStatistic(DraftYear.Year), "Input.MetricKey", FieldKind.Choice, Also: ValidFact),
        new(url.NewStatistic(DraftYear.Year), "Input.Dimension", FieldKind.Choice, Required: false, Also: ValidFact),
        new(url.NewStatistic(DraftYear.Year), "Input.Member", FieldKind.Choice, Required: false, Also: ValidFact),
        new(url.NewStatistic(DraftYear.Year), "Input.Value", FieldKind.Number, Also: ValidFact),
        new(url.NewStatistic(DraftYear.Year), "Input.Qualifier", FieldKind.Choice, Also: ValidFact),
        new(url.NewStatistic(DraftYear.Year), "Input.Source", FieldKind.ShortText, Also: ValidFact),
        new(url.NewStatistic(DraftYear.Year), "Input.Note", FieldKind.LongText, Required: false, Also: ValidFact),
        new(url.NewStatistic(DraftYear.Year), "Input.Reason", FieldKind.ShortText, Required: false, Also: ValidFact),
    ];

    public static IReadOnlyList<FormField> FactFields(AppUrls url, long id) =>
    [
        new(url.EditStatistic(DraftYear.Year, id), "Input.Value", FieldKind.Number),
        new(url.EditStatistic(DraftYear.Year, id), "Input.Qualifier", FieldKind.Choice, Also: new Dictionary<string, string> { ["Input.Value"] = "2 000" }),
        new(url.EditStatistic(DraftYear.Year, id), "Input.Source", FieldKind.ShortText),
        new(url.EditStatistic(DraftYear.Year, id), "Input.Note", FieldKind.LongText, Required: false),
        new(url.EditStatistic(DraftYear.Year, id), "Input.Version", FieldKind.Version, Also: new Dictionary<string, string> { ["Input.Value"] = "2 000" }),
        new(url.DeleteStatistic(DraftYear.Year, id), "Version", FieldKind.Version),
    ];

    public static IReadOnlyList<FormField> WorkflowFields(AppUrls url) =>
    [
        new(url.Staff, "version", FieldKind.Version, Handler: "Submit"),
        new(url.Staff, "year", FieldKind.WholeNumber, Handler: "Submit"),
    ];

    [Theory, BothProviders]
    public async Task Every_staff_form_field_refuses_the_corpus_and_leaves_the_database_as_it_was(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await DraftYear.AddAsync(app);
        var factId = await Years.Statistics.Facts.AddAsync(app, DraftYear.Year, 1000);
        using var editor = await app.SignedInAsync(StaffRole.Editor);
        var failures = new List<string>();

        foreach (var field in EntryFields(app.Url).Concat(NewFactFields(app.Url)).Concat(FactFields(app.Url, factId)).Concat(WorkflowFields(app.Url)))
        {
            failures.AddRange(await BadInputForms.ThrowCorpusAsync(app, editor, field));
        }

        failures.ShouldBeEmpty(string.Join(Environment.NewLine, failures));

        // The controls: each form, with only the change it needs, is saved (and redirects).
        (await BadInputForms.PostControlAsync(editor, EntryFields(app.Url)[^1])).ShouldBe(HttpStatusCode.Redirect);
        (await BadInputForms.PostControlAsync(editor, NewFactFields(app.Url)[0])).ShouldBe(HttpStatusCode.Redirect);
        (await BadInputForms.PostControlAsync(editor, FactFields(app.Url, factId)[1])).ShouldBe(HttpStatusCode.Redirect);
        (await BadInputForms.PostControlAsync(editor, WorkflowFields(app.Url)[0])).ShouldBe(HttpStatusCode.Redirect);
        await using var scope = app.CreateDbScope();
        (await scope.Db.AuditEntries.ByStaff().CountAsync()).ShouldBeGreaterThanOrEqualTo(4, "every control post saved something");
    }
}
