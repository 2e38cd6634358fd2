namespace UnvReporting.Web.Features.Staff.Years.Import;

/// <summary>
/// The indicator sheet: one row per indicator of the year. Code, Title and Unit are there for
/// orientation and are not read back. Empty Milestone or Result cells clear the figure; a row
/// whose values equal the stored ones changes nothing.
/// </summary>
public static class IndicatorSheet
{
    public const string Name = "Indicators";

    public static readonly IReadOnlyList<string> Columns = ["Key", "Code", "Title", "Unit", "Milestone", "Result", "NarrativeEn", "NarrativeZh", "Version"];

    private static readonly IReadOnlyList<string> Required = ["Key", "Milestone", "Result", "NarrativeEn", "NarrativeZh", "Version"];

    public static async Task ApplyAsync(UnvDbContext db, int year, Sheet sheet, ImportPlan plan, IStringLocalizer<SharedResource> text, CancellationToken cancellationToken)
    {
        var columns = SheetFields.Map(sheet, Name, Columns, Required, text);
        var targets = await db.IndicatorYears.Include(iy => iy.Indicator)
            .Where(iy => iy.Year == year)
            .ToDictionaryAsync(iy => iy.Indicator.Key, cancellationToken);
        var seen = new Dictionary<string, int>();
        foreach (var row in sheet.Rows)
        {
            plan.RowsRead++;
            var errorsBefore = plan.Errors.Count;
            void Error(string column, string message) => plan.Errors.Add(new ImportError(sheet.Name, row.Number, column, message));

            var keyText = row.Text(columns, "Key");
            if (keyText is null)
            {
                Error("Key", text["Key is required: the indicator the row is about, such as 1.1 or 2.1.1a."]);
                continue;
            }

            if (!IndicatorKey.TryNormalize(keyText, out var key) || !targets.TryGetValue(key, out var target))
            {
                Error("Key", text["Indicator '{0}' is not part of year {1}.", keyText, year]);
                continue;
            }

            if (!seen.TryAdd(key, row.Number))
            {
                Error("Key", text["Indicator {0} appears twice (also row {1}).", key, seen[key]]);
                continue;
            }

            var unit = target.Definition.Unit;
            if (!SheetFields.TryFigure(row[columns["Milestone"]], unit, "Milestone", out var milestone, out var milestoneError))
            {
                Error("Milestone", text.Say(milestoneError));
            }

            if (!SheetFields.TryFigure(row[columns["Result"]], unit, "Result", out var result, out var resultError))
            {
                Error("Result", text.Say(resultError));
            }

            if (plan.Errors.Count > errorsBefore)
            {
                continue;
            }

            var before = (target.Milestone, target.Result, target.NarrativeEn, target.NarrativeZh);
            try
            {
                target.Enter(milestone, result, row.Text(columns, "NarrativeEn"), row.Text(columns, "NarrativeZh"));
            }
            catch (DomainException exception)
            {
                Error(exception.Field, text.Say(exception));
                continue;
            }

            var changes = new List<ImportChange>();
            void Compare(string field, string? old, string? now)
            {
                if (old != now)
                {
                    changes.Add(new ImportChange(sheet.Name, row.Number, key, field, old, now));
                }
            }

            Compare("Milestone", SheetFields.Show(before.Milestone), SheetFields.Show(target.Milestone));
            Compare("Result", SheetFields.Show(before.Result), SheetFields.Show(target.Result));
            Compare("NarrativeEn", before.NarrativeEn, target.NarrativeEn);
            Compare("NarrativeZh", before.NarrativeZh, target.NarrativeZh);
            if (changes.Count == 0)
            {
                continue;
            }

            // A row that would overwrite someone else's later change is refused rather than
            // silently reverting it; an unchanged row is harmless whatever its version.
            var version = row.Text(columns, "Version");
            var entry = db.Entry(target);
            if (version != ConcurrencyVersion.Of(entry) || !ConcurrencyVersion.Expect(entry, version))
            {
                Error("Version", text["Indicator {0} changed since the template was downloaded; download a fresh template.", key]);
                continue;
            }

            plan.Changes.AddRange(changes);
            plan.ChangedIndicators.Add(target);
        }
    }
}
