using Microsoft.EntityFrameworkCore.ChangeTracking;
using UnvReporting.Web.Features.Staff.Years.Import;

namespace UnvReporting.Web.Features.Admin.Frameworks.Import;

/// <summary>
/// Reads a framework file and applies it to the framework's tracked areas and indicators,
/// producing the <see cref="ImportPlan"/> the preview shows and the confirmation saves. Rows add or
/// change areas and indicators; nothing missing from the file is removed. The upload page, the
/// preview and the confirmation all go through here, so the file is judged the same way each time.
/// </summary>
public sealed class FrameworkImport(UnvDbContext db, SpreadsheetImport uploads, IStringLocalizer<SharedResource> text)
{
    private static readonly FrameworkField[] AreaRequired = [FrameworkField.Code, FrameworkField.Kind, FrameworkField.TitleEn, FrameworkField.TitleZh];

    private static readonly FrameworkField[] IndicatorRequired =
        [FrameworkField.Key, FrameworkField.Area, FrameworkField.TitleEn, FrameworkField.TitleZh, FrameworkField.Unit, FrameworkField.Direction, FrameworkField.Cumulative];

    public SpreadsheetImport Uploads => uploads;

    /// <summary>The plan of a file, for showing only: its changes are dropped from the change tracker again.</summary>
    public async Task<ImportPlan> PreviewAsync(string code, byte[] content, string format, CancellationToken cancellationToken)
    {
        try
        {
            return await PlanAsync(code, content, format, cancellationToken);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>
    /// The changes and errors of a file for a framework, applied to tracked entities (save them, or
    /// clear the change tracker). Throws <see cref="SpreadsheetRefusedException"/> for a file refused whole.
    /// </summary>
    public async Task<ImportPlan> PlanAsync(string code, byte[] content, string format, CancellationToken cancellationToken)
    {
        var framework = await db.Frameworks.SingleOrDefaultAsync(f => f.Code == code, cancellationToken)
            ?? throw new SpreadsheetRefusedException(text["There is no framework {0}.", code]);
        var years = Enumerable.Range(framework.StartYear, framework.EndYear - framework.StartYear + 1).ToList();
        var (areaLines, indicatorLines) = Read(SpreadsheetReader.Read(content, format, uploads.Limits, text), years);

        var plan = new ImportPlan();
        var areas = await db.ResultAreas.Where(a => a.FrameworkId == framework.Id).ToDictionaryAsync(a => a.Code, StringComparer.OrdinalIgnoreCase, cancellationToken);
        var indicators = await db.Indicators.Include(i => i.Milestones).Where(i => i.FrameworkId == framework.Id).ToDictionaryAsync(i => i.Key, cancellationToken);

        // Outcomes and institutional effectiveness first, so that an output may name an outcome added further down the file.
        var seenAreas = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var (sheet, row, kind) in areaLines.OrderBy(l => l.Kind == ResultAreaKind.Output))
        {
            ApplyArea(framework, sheet, row, kind, areas, seenAreas, plan);
        }

        var seenIndicators = new Dictionary<string, int>();
        foreach (var (sheet, row) in indicatorLines)
        {
            ApplyIndicator(framework, years, sheet, row, areas, indicators, seenIndicators, plan);
        }

        plan.RowsRead = areaLines.Count + indicatorLines.Count;
        return plan;
    }

    /// <summary>Area rows with their kind (null where it cannot be read; the row's error says why) and indicator rows.</summary>
    private (List<(FrameworkSheet Sheet, SheetRow Row, ResultAreaKind? Kind)> Areas, List<(FrameworkSheet Sheet, SheetRow Row)> Indicators) Read(
        IReadOnlyList<Sheet> sheets, IReadOnlyList<int> years)
    {
        var areas = new List<(FrameworkSheet, SheetRow, ResultAreaKind?)>();
        var indicators = new List<(FrameworkSheet, SheetRow)>();
        var kinds = new HashSet<string>();
        foreach (var sheet in sheets)
        {
            if (FrameworkSheet.Holds(sheet, FrameworkField.Type, text))
            {
                var table = FrameworkSheet.Map(sheet, FrameworkColumns.Csv(years), [FrameworkField.Type, FrameworkField.TitleEn, FrameworkField.TitleZh], text);
                foreach (var row in sheet.Rows)
                {
                    var type = table.Text(row, new FrameworkColumn(FrameworkField.Type));
                    if (string.Equals(type, FrameworkColumns.IndicatorType, StringComparison.OrdinalIgnoreCase))
                    {
                        indicators.Add((table, row));
                    }
                    else
                    {
                        areas.Add((table, row, FrameworkColumns.TryKind(type, out var kind) ? kind : null));
                    }
                }
            }
            else if (FrameworkSheet.Holds(sheet, FrameworkField.Kind, text))
            {
                var table = FrameworkSheet.Map(sheet, FrameworkColumns.Areas, AreaRequired, text);
                areas.AddRange(sheet.Rows.Select(row => (table, row, FrameworkColumns.TryKind(table.Text(row, new FrameworkColumn(FrameworkField.Kind)), out var kind) ? kind : (ResultAreaKind?)null)));
            }
            else if (FrameworkSheet.Holds(sheet, FrameworkField.Key, text))
            {
                var table = FrameworkSheet.Map(sheet, FrameworkColumns.Indicators(years), IndicatorRequired, text);
                indicators.AddRange(sheet.Rows.Select(row => (table, row)));
            }
            else
            {
                throw new SpreadsheetRefusedException(text[
                    "Sheet '{0}' is neither the result area sheet (with a {1} column) nor the indicator sheet (with a {2} column). Download the template for the layout.",
                    sheet.Name, FrameworkColumns.Header(new(FrameworkField.Kind), text), FrameworkColumns.Header(new(FrameworkField.Key), text)]);
            }

            if (!kinds.Add(sheet.Name))
            {
                throw new SpreadsheetRefusedException(text["The workbook has two sheets named {0}; keep one.", sheet.Name]);
            }
        }

        if (areas.Count + indicators.Count == 0)
        {
            throw new SpreadsheetRefusedException(text["The file has no rows below its header: nothing to import."]);
        }

        return (areas, indicators);
    }

    private void ApplyArea(
        StrategicFramework framework, FrameworkSheet sheet, SheetRow row, ResultAreaKind? kind,
        Dictionary<string, ResultArea> areas, Dictionary<string, int> seen, ImportPlan plan)
    {
        var errorsBefore = plan.Errors.Count;
        void Error(FrameworkField field, string message) => plan.Errors.Add(new ImportError(sheet.Sheet.Name, row.Number, sheet.Header(new(field)), message));

        var kindField = sheet.Has(new(FrameworkField.Type)) ? FrameworkField.Type : FrameworkField.Kind;
        var code = sheet.Text(row, new(FrameworkField.Code));
        if (code is null)
        {
            Error(FrameworkField.Code, text["Code is required: the result area's code, such as 1, 1.1 or IE."]);
            return;
        }

        if (!seen.TryAdd(code, row.Number))
        {
            Error(FrameworkField.Code, text["Result area {0} appears twice (also row {1}).", code, seen[code]]);
            return;
        }

        if (kind is not { } areaKind)
        {
            var kinds = string.Join(text[", "], Enum.GetValues<ResultAreaKind>().Select(FrameworkColumns.Kind));
            Error(kindField, kindField == FrameworkField.Type
                ? text["Say what the row is: {0} or {1}.", kinds, FrameworkColumns.IndicatorType]
                : text["Say what the row is: {0}.", kinds]);
            return;
        }

        if (!FrameworkSheet.TryWhole(sheet.Text(row, new(FrameworkField.Order)), out var order))
        {
            Error(FrameworkField.Order, text["Order must be a whole number (lower comes first)."]);
        }

        var parentCode = sheet.Text(row, new(FrameworkField.Parent));
        ResultArea? parent = null;
        if (parentCode is not null && !areas.TryGetValue(parentCode, out parent))
        {
            Error(FrameworkField.Parent, text["Result area {0} is not in the framework or the file.", parentCode]);
        }

        if (plan.Errors.Count > errorsBefore)
        {
            return;
        }

        var titleEn = sheet.Text(row, new(FrameworkField.TitleEn));
        var titleZh = sheet.Text(row, new(FrameworkField.TitleZh));
        try
        {
            if (areas.TryGetValue(code, out var area))
            {
                var before = Snapshot(area);
                if (area.Kind != areaKind || area.Parent?.Code != parent?.Code)
                {
                    Error(area.Kind != areaKind ? kindField : FrameworkField.Parent,
                        area.Parent is null
                            ? text["Result area {0} is {1}; its kind and parent cannot change.", area.Code, FrameworkColumns.Kind(area.Kind)]
                            : text["Result area {0} is {1} under {2}; its kind and parent cannot change.", area.Code, FrameworkColumns.Kind(area.Kind), area.Parent.Code]);
                    return;
                }

                area.Rename(titleEn!, titleZh!);
                area.Reorder(order ?? area.SortOrder);
                if (Compare(plan, sheet, row, area.Code, before, Snapshot(area)) && !Current(db.Entry(area), nameof(ResultArea.TitleEn), sheet, row))
                {
                    Error(FrameworkField.Version, text["Result area {0} changed since the template was downloaded; download a fresh template.", area.Code]);
                }
            }
            else
            {
                area = new ResultArea(framework.Id, code, areaKind, parent, titleEn!, titleZh!, order ?? row.Number);
                db.ResultAreas.Add(area);
                areas[area.Code] = area;
                Compare(plan, sheet, row, area.Code, [], Snapshot(area));
            }
        }
        catch (DomainException exception)
        {
            Error(AreaField(exception.Field), text.Say(exception));
        }
    }

    private void ApplyIndicator(
        StrategicFramework framework, IReadOnlyList<int> years, FrameworkSheet sheet, SheetRow row,
        Dictionary<string, ResultArea> areas, Dictionary<string, Indicator> indicators, Dictionary<string, int> seen, ImportPlan plan)
    {
        var errorsBefore = plan.Errors.Count;
        void Error(FrameworkColumn column, string message) => plan.Errors.Add(new ImportError(sheet.Sheet.Name, row.Number, sheet.Header(column), message));

        var keyText = sheet.Text(row, new(FrameworkField.Key));
        if (!IndicatorKey.TryNormalize(keyText, out var key))
        {
            Error(new(FrameworkField.Key), keyText is null
                ? text["Key is required: the indicator's code, such as 1.1 or 2.1.1a."]
                : text["Indicator code '{0}' is not of the form 1.1, 2.1.1 or 2.1.1a.", keyText]);
            return;
        }

        if (!seen.TryAdd(key, row.Number))
        {
            Error(new(FrameworkField.Key), text["Indicator {0} appears twice (also row {1}).", key, seen[key]]);
            return;
        }

        var areaCode = sheet.Text(row, new(FrameworkField.Area));
        ResultArea? area = null;
        if (areaCode is null || !areas.TryGetValue(areaCode, out area))
        {
            Error(new(FrameworkField.Area), areaCode is null
                ? text["Result area is required: the code of the outcome or output the indicator reports on."]
                : text["Result area {0} is not in the framework or the file.", areaCode]);
        }

        if (!FrameworkColumns.TryUnit(sheet.Text(row, new(FrameworkField.Unit)), out var unit) || unit == Domain.Unit.PercentChange)
        {
            Error(new(FrameworkField.Unit), text["Unit must be one of {0}.", FrameworkColumns.Units]);
            return;
        }

        if (!FrameworkColumns.TryDirection(sheet.Text(row, new(FrameworkField.Direction)), out var direction))
        {
            Error(new(FrameworkField.Direction), text["Direction must be higher (a higher result is better) or lower."]);
        }

        if (!FrameworkColumns.TryCumulative(sheet.Text(row, new(FrameworkField.Cumulative)), out var cumulative))
        {
            Error(new(FrameworkField.Cumulative), text["Is cumulative must be yes (counted from the start of the framework) or no."]);
        }

        decimal? Figure(FrameworkColumn column, string label)
        {
            if (!SheetFields.TryFigure(sheet.Cell(row, column), unit, label, out var value, out var error))
            {
                Error(column, text.Say(error));
            }

            return value;
        }

        var baseline = Figure(new(FrameworkField.Baseline), "Baseline");
        var endTarget = Figure(new(FrameworkField.EndTarget), "End target");
        var milestones = years.Where(y => sheet.Has(new(FrameworkField.Milestone, y)))
            .Select(y => (Year: y, Value: Figure(new(FrameworkField.Milestone, y), $"Milestone {y}")))
            .ToList();
        if (!FrameworkSheet.TryWhole(sheet.Text(row, new(FrameworkField.BaselineYear)), out var baselineYear))
        {
            Error(new(FrameworkField.BaselineYear), text["Baseline year must be a year, such as 2021."]);
        }

        if (!FrameworkSheet.TryWhole(sheet.Text(row, new(FrameworkField.Order)), out var order))
        {
            Error(new(FrameworkField.Order), text["Order must be a whole number (lower comes first)."]);
        }

        if (plan.Errors.Count > errorsBefore)
        {
            return;
        }

        try
        {
            var definition = new IndicatorDefinition(
                sheet.Text(row, new(FrameworkField.TitleEn))!, sheet.Text(row, new(FrameworkField.TitleZh))!, unit, cumulative, direction);
            var added = !indicators.TryGetValue(key, out var indicator);
            var before = added ? [] : Snapshot(indicator!, years);
            if (indicator is null)
            {
                indicator = new Indicator(framework.Id, key, area!, order ?? row.Number);
                db.Indicators.Add(indicator);
                indicators[key] = indicator;
            }
            else
            {
                indicator.Move(area!, order ?? indicator.SortOrder);
            }

            indicator.Plan(framework, definition, baseline, baselineYear, endTarget, sheet.Text(row, new(FrameworkField.DataSource)),
                milestones.ToDictionary(m => m.Year, m => m.Value));

            if (Compare(plan, sheet, row, key, before, Snapshot(indicator, years)) && !added && !Current(db.Entry(indicator), nameof(Indicator.SortOrder), sheet, row))
            {
                Error(new(FrameworkField.Version), text["Indicator {0} changed since the template was downloaded; download a fresh template.", key]);
            }
        }
        catch (DomainException exception)
        {
            Error(IndicatorColumn(exception.Field, sheet, years), text.Say(exception));
        }
    }

    /// <summary>Adds the row's changes to the plan; true when it has any.</summary>
    private static bool Compare(ImportPlan plan, FrameworkSheet sheet, SheetRow row, string subject, Dictionary<FrameworkColumn, string?> before, Dictionary<FrameworkColumn, string?> after)
    {
        var changes = plan.Changes.Count;
        foreach (var (column, now) in after)
        {
            var old = before.GetValueOrDefault(column);
            if (old != now)
            {
                plan.Changes.Add(new ImportChange(sheet.Sheet.Name, row.Number, subject, sheet.Header(column), old, now));
            }
        }

        return plan.Changes.Count > changes;
    }

    /// <summary>
    /// Whether a changed row of a stored area or indicator may be saved: a file with a Version
    /// column (every template has one) must give the version the row has now, as the results
    /// import asks, so a template downloaded before someone else's change cannot silently undo
    /// it; the save is then made conditional on that version. A file without the column is a plan
    /// written by hand, which states no earlier reading to be stale against. The row is rewritten
    /// even where only its milestones (rows of their own) change, so that its version moves with
    /// every change a template would carry (<paramref name="anyProperty"/> is marked written, unchanged).
    /// </summary>
    private static bool Current(EntityEntry entry, string anyProperty, FrameworkSheet sheet, SheetRow row)
    {
        entry.Property(anyProperty).IsModified = true;
        if (!sheet.Has(new(FrameworkField.Version)))
        {
            return true;
        }

        var version = sheet.Text(row, new(FrameworkField.Version));
        return version == ConcurrencyVersion.Of(entry) && ConcurrencyVersion.Expect(entry, version);
    }

    private static Dictionary<FrameworkColumn, string?> Snapshot(ResultArea area) => new()
    {
        [new(FrameworkField.Kind)] = FrameworkColumns.Kind(area.Kind),
        [new(FrameworkField.Parent)] = area.Parent?.Code,
        [new(FrameworkField.TitleEn)] = area.TitleEn,
        [new(FrameworkField.TitleZh)] = area.TitleZh,
        [new(FrameworkField.Order)] = Whole(area.SortOrder),
    };

    private static Dictionary<FrameworkColumn, string?> Snapshot(Indicator indicator, IReadOnlyList<int> years)
    {
        var snapshot = new Dictionary<FrameworkColumn, string?>
        {
            [new(FrameworkField.Area)] = indicator.Area.Code,
            [new(FrameworkField.TitleEn)] = indicator.Definition?.TitleEn,
            [new(FrameworkField.TitleZh)] = indicator.Definition?.TitleZh,
            [new(FrameworkField.Unit)] = indicator.Definition is { } d ? Words.Unit(d.Unit) : null,
            [new(FrameworkField.Direction)] = indicator.Definition is { } e ? Words.Direction(e.Direction) : null,
            [new(FrameworkField.Cumulative)] = indicator.Definition is { } f ? FrameworkColumns.Cumulative(f.IsCumulative) : null,
            [new(FrameworkField.Baseline)] = SheetFields.Show(indicator.BaselineValue),
            [new(FrameworkField.BaselineYear)] = Whole(indicator.BaselineYear),
        };
        foreach (var year in years)
        {
            snapshot[new(FrameworkField.Milestone, year)] = SheetFields.Show(indicator.PlannedMilestone(year));
        }

        snapshot[new(FrameworkField.EndTarget)] = SheetFields.Show(indicator.EndTarget);
        snapshot[new(FrameworkField.DataSource)] = indicator.DataSource;
        snapshot[new(FrameworkField.Order)] = Whole(indicator.SortOrder);
        return snapshot;
    }

    private static string? Whole(int? value) => value?.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static FrameworkField AreaField(string field) => field switch
    {
        nameof(ResultArea.TitleEn) => FrameworkField.TitleEn,
        nameof(ResultArea.TitleZh) => FrameworkField.TitleZh,
        nameof(ResultArea.Parent) => FrameworkField.Parent,
        _ => FrameworkField.Code,
    };

    /// <summary>
    /// The column a domain refusal is about. Each milestone was read with the row's unit already,
    /// so a refusal about milestones is about one the file leaves out, planned earlier.
    /// </summary>
    private static FrameworkColumn IndicatorColumn(string field, FrameworkSheet sheet, IReadOnlyList<int> years) => field switch
    {
        nameof(IndicatorDefinition.TitleEn) => new(FrameworkField.TitleEn),
        nameof(IndicatorDefinition.TitleZh) => new(FrameworkField.TitleZh),
        nameof(IndicatorDefinition.Unit) => new(FrameworkField.Unit),
        nameof(Indicator.BaselineValue) => new(FrameworkField.Baseline),
        nameof(Indicator.BaselineYear) => new(FrameworkField.BaselineYear),
        nameof(Indicator.EndTarget) => new(FrameworkField.EndTarget),
        nameof(Indicator.DataSource) => new(FrameworkField.DataSource),
        nameof(Indicator.Area) => new(FrameworkField.Area),
        nameof(Indicator.Milestones) => years.Select(y => new FrameworkColumn(FrameworkField.Milestone, y)).FirstOrDefault(c => !sheet.Has(c)) ?? new(FrameworkField.Unit),
        _ => new(FrameworkField.Key),
    };
}
