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
    private const string Entry = "/staff/years/2020";
    private const string NewFact = "/staff/years/2020/statistics/new";

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

    public static IReadOnlyList<FormField> EntryFields =>
    [
        new(Entry, "Rows[0].Milestone", FieldKind.Number, Required: false),
        new(Entry, "Rows[0].Result", FieldKind.Number, Required: false),
        new(Entry, "Rows[0].NarrativeEn", FieldKind.LongText, Required: false),
        new(Entry, "Rows[0].NarrativeZh", FieldKind.LongText, Required: false),
        new(Entry, "Rows[0].Version", FieldKind.Version, Also: ChangeResult),
        new(Entry, "Rows[0].Key", FieldKind.Key, Also: ChangeResult),
        new(Entry, "Reason", FieldKind.ShortText, Required: false, Also: ChangeResult),
    ];

    public static IReadOnlyList<FormField> NewFactFields =>
    [
        new(NewFact, "Input.MetricKey", FieldKind.Choice, Also: ValidFact),
        new(NewFact, "Input.Dimension", FieldKind.Choice, Required: false, Also: ValidFact),
        new(NewFact, "Input.Member", FieldKind.Choice, Required: false, Also: ValidFact),
        new(NewFact, "Input.Value", FieldKind.Number, Also: ValidFact),
        new(NewFact, "Input.Qualifier", FieldKind.Choice, Also: ValidFact),
        new(NewFact, "Input.Source", FieldKind.ShortText, Also: ValidFact),
        new(NewFact, "Input.Note", FieldKind.LongText, Required: false, Also: ValidFact),
        new(NewFact, "Input.Reason", FieldKind.ShortText, Required: false, Also: ValidFact),
    ];

    public static IReadOnlyList<FormField> FactFields(long id) =>
    [
        new($"/staff/years/2020/statistics/{id}/edit", "Input.Value", FieldKind.Number),
        new($"/staff/years/2020/statistics/{id}/edit", "Input.Qualifier", FieldKind.Choice, Also: new Dictionary<string, string> { ["Input.Value"] = "2 000" }),
        new($"/staff/years/2020/statistics/{id}/edit", "Input.Source", FieldKind.ShortText),
        new($"/staff/years/2020/statistics/{id}/edit", "Input.Note", FieldKind.LongText, Required: false),
        new($"/staff/years/2020/statistics/{id}/edit", "Input.Version", FieldKind.Version, Also: new Dictionary<string, string> { ["Input.Value"] = "2 000" }),
        new($"/staff/years/2020/statistics/{id}/delete", "Version", FieldKind.Version),
    ];

    public static IReadOnlyList<FormField> WorkflowFields =>
    [
        new("/staff", "version", FieldKind.Version, Handler: "Submit"),
        new("/staff", "year", FieldKind.WholeNumber, Handler: "Submit"),
    ];

    [Theory, BothProviders]
    public async Task Every_staff_form_field_refuses_the_corpus_and_leaves_the_database_as_it_was(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await DraftYear.AddAsync(app);
        var factId = await Years.Statistics.Facts.AddAsync(app, DraftYear.Year, 1000);
        using var editor = await app.ClientAsAsync(StaffRole.Editor);
        var failures = new List<string>();

        foreach (var field in EntryFields.Concat(NewFactFields).Concat(FactFields(factId)).Concat(WorkflowFields))
        {
            failures.AddRange(await BadInputForms.ThrowCorpusAsync(app, editor, field));
        }

        failures.ShouldBeEmpty(string.Join(Environment.NewLine, failures));

        // The controls: each form, with only the change it needs, is saved (and redirects).
        (await BadInputForms.PostControlAsync(editor, EntryFields[^1])).ShouldBe(HttpStatusCode.Redirect);
        (await BadInputForms.PostControlAsync(editor, NewFactFields[0])).ShouldBe(HttpStatusCode.Redirect);
        (await BadInputForms.PostControlAsync(editor, FactFields(factId)[1])).ShouldBe(HttpStatusCode.Redirect);
        (await BadInputForms.PostControlAsync(editor, WorkflowFields[0])).ShouldBe(HttpStatusCode.Redirect);
        await using var scope = app.CreateDbScope();
        (await scope.Db.AuditEntries.CountAsync()).ShouldBeGreaterThanOrEqualTo(4, "every control post saved something");
    }
}
