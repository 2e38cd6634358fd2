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
            ?? throw new SpreadsheetRefusedException($"There is no framework {code}.");
        var years = Enumerable.Range(framework.StartYear, framework.EndYear - framework.StartYear + 1).ToList();
        var (areaLines, indicatorLines) = Read(SpreadsheetReader.Read(content, format, uploads.Limits), years);

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
                throw new SpreadsheetRefusedException(
                    $"Sheet '{sheet.Name}' is neither the result area sheet (with a {FrameworkColumns.Header(new(FrameworkField.Kind), text)} column) nor the indicator sheet (with a {FrameworkColumns.Header(new(FrameworkField.Key), text)} column). Download the template for the layout.");
            }

            if (!kinds.Add(sheet.Name))
            {
                throw new SpreadsheetRefusedException($"The workbook has two sheets named {sheet.Name}; keep one.");
            }
        }

        if (areas.Count + indicators.Count == 0)
        {
            throw new SpreadsheetRefusedException("The file has no rows below its header: nothing to import.");
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
            Error(FrameworkField.Code, "Code is required: the result area's code, such as 1, 1.1 or IE.");
            return;
        }

        if (!seen.TryAdd(code, row.Number))
        {
            Error(FrameworkField.Code, $"Result area {code} appears twice (also row {seen[code]}).");
            return;
        }

        if (kind is not { } areaKind)
        {
            Error(kindField, $"Say what the row is: {string.Join(", ", Enum.GetValues<ResultAreaKind>().Select(FrameworkColumns.Kind))}{(kindField == FrameworkField.Type ? " or " + FrameworkColumns.IndicatorType : string.Empty)}.");
            return;
        }

        if (!FrameworkSheet.TryWhole(sheet.Text(row, new(FrameworkField.Order)), out var order))
        {
            Error(FrameworkField.Order, "Order must be a whole number (lower comes first).");
        }

        var parentCode = sheet.Text(row, new(FrameworkField.Parent));
        ResultArea? parent = null;
        if (parentCode is not null && !areas.TryGetValue(parentCode, out parent))
        {
            Error(FrameworkField.Parent, $"Result area {parentCode} is not in the framework or the file.");
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
                        $"Result area {area.Code} is {FrameworkColumns.Kind(area.Kind)}{(area.Parent is null ? string.Empty : " under " + area.Parent.Code)}; its kind and parent cannot change.");
                    return;
                }

                area.Rename(titleEn!, titleZh!);
                area.Reorder(order ?? area.SortOrder);
                Compare(plan, sheet, row, area.Code, before, Snapshot(area));
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
                ? "Key is required: the indicator's code, such as 1.1 or 2.1.1a."
                : $"Indicator code '{keyText}' is not of the form 1.1, 2.1.1 or 2.1.1a.");
            return;
        }

        if (!seen.TryAdd(key, row.Number))
        {
            Error(new(FrameworkField.Key), $"Indicator {key} appears twice (also row {seen[key]}).");
            return;
        }

        var areaCode = sheet.Text(row, new(FrameworkField.Area));
        ResultArea? area = null;
        if (areaCode is null || !areas.TryGetValue(areaCode, out area))
        {
            Error(new(FrameworkField.Area), areaCode is null
                ? "Result area is required: the code of the outcome or output the indicator reports on."
                : $"Result area {areaCode} is not in the framework or the file.");
        }

        if (!FrameworkColumns.TryUnit(sheet.Text(row, new(FrameworkField.Unit)), out var unit) || unit == Domain.Unit.PercentChange)
        {
            Error(new(FrameworkField.Unit), $"Unit must be one of {FrameworkColumns.Units}.");
            return;
        }

        if (!FrameworkColumns.TryDirection(sheet.Text(row, new(FrameworkField.Direction)), out var direction))
        {
            Error(new(FrameworkField.Direction), "Direction must be higher (a higher result is better) or lower.");
        }

        if (!FrameworkColumns.TryCumulative(sheet.Text(row, new(FrameworkField.Cumulative)), out var cumulative))
        {
            Error(new(FrameworkField.Cumulative), "Is cumulative must be yes (counted from the start of the framework) or no.");
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
            Error(new(FrameworkField.BaselineYear), "Baseline year must be a year, such as 2021.");
        }

        if (!FrameworkSheet.TryWhole(sheet.Text(row, new(FrameworkField.Order)), out var order))
        {
            Error(new(FrameworkField.Order), "Order must be a whole number (lower comes first).");
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

            Compare(plan, sheet, row, key, before, Snapshot(indicator, years));
        }
        catch (DomainException exception)
        {
            Error(IndicatorColumn(exception.Field, sheet, years), text.Say(exception));
        }
    }

    private static void Compare(ImportPlan plan, FrameworkSheet sheet, SheetRow row, string subject, Dictionary<FrameworkColumn, string?> before, Dictionary<FrameworkColumn, string?> after)
    {
        foreach (var (column, now) in after)
        {
            var old = before.GetValueOrDefault(column);
            if (old != now)
            {
                plan.Changes.Add(new ImportChange(sheet.Sheet.Name, row.Number, subject, sheet.Header(column), old, now));
            }
        }
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
