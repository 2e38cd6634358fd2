using System.Text;
using CsvHelper;
using UnvReporting.Web.Features.Staff.Years.Import;

namespace UnvReporting.Web.Features.Admin.Frameworks.Import;

/// <summary>A result area as the template lists it.</summary>
public sealed record AreaTemplateRow(string Code, ResultAreaKind Kind, string? Parent, string TitleEn, string TitleZh, int Order, string Version);

/// <summary>An indicator as the template lists it: its plan, or where it has none yet, its latest year's definition and its years' milestones.</summary>
public sealed record IndicatorTemplateRow(
    string Key, string Area, IndicatorDefinition? Definition, decimal? Baseline, int? BaselineYear,
    IReadOnlyDictionary<int, decimal> Milestones, decimal? EndTarget, string? DataSource, int Order, string Version);

/// <summary>
/// The framework template, filled with the framework's areas and indicators so that a download
/// uploaded unchanged changes nothing. Written with the exports' XLSX and CSV writers; headers in
/// the reader's language.
/// </summary>
public sealed class FrameworkTemplate(IReadOnlyList<int> years, IReadOnlyList<AreaTemplateRow> areas, IReadOnlyList<IndicatorTemplateRow> indicators)
{
    public static async Task<FrameworkTemplate> LoadAsync(UnvDbContext db, int frameworkId, IReadOnlyList<int> years, CancellationToken cancellationToken)
    {
        var areas = await db.ResultAreas.AsNoTracking()
            .Where(a => a.FrameworkId == frameworkId)
            .OrderBy(a => a.Kind == ResultAreaKind.Output).ThenBy(a => a.SortOrder).ThenBy(a => a.Code)
            .Select(a => new AreaTemplateRow(a.Code, a.Kind, a.Parent == null ? null : a.Parent.Code, a.TitleEn, a.TitleZh, a.SortOrder,
                ConcurrencyVersion.Format(EF.Property<uint>(a, ConcurrencyVersion.PropertyName))))
            .ToListAsync(cancellationToken);
        var indicators = await db.Indicators.AsNoTracking().Include(i => i.Area).Include(i => i.Milestones)
            .Where(i => i.FrameworkId == frameworkId)
            .OrderBy(i => i.Area.SortOrder).ThenBy(i => i.SortOrder).ThenBy(i => i.Key)
            .ToListAsync(cancellationToken);

        // A no-tracking entity does not carry its shadow version, so the versions are read on their own.
        var versions = await db.Indicators.AsNoTracking()
            .Where(i => i.FrameworkId == frameworkId)
            .Select(i => new { i.Id, Version = EF.Property<uint>(i, ConcurrencyVersion.PropertyName) })
            .ToDictionaryAsync(i => i.Id, i => ConcurrencyVersion.Format(i.Version), cancellationToken);
        var reported = await db.IndicatorYears.AsNoTracking()
            .Where(iy => iy.Indicator.FrameworkId == frameworkId)
            .OrderBy(iy => iy.Year)
            .Select(iy => new { iy.IndicatorId, iy.Year, iy.Definition, iy.Milestone })
            .ToListAsync(cancellationToken);

        var rows = indicators.Select(i =>
        {
            var yearsOf = reported.Where(r => r.IndicatorId == i.Id).ToList();
            var milestones = i.Definition is null
                ? yearsOf.Where(r => r.Milestone is not null).ToDictionary(r => r.Year, r => r.Milestone!.Value)
                : i.Milestones.ToDictionary(m => m.Year, m => m.Value);
            return new IndicatorTemplateRow(i.Key, i.Area.Code, i.Definition ?? yearsOf.LastOrDefault()?.Definition, i.BaselineValue, i.BaselineYear,
                milestones, i.EndTarget, i.DataSource, i.SortOrder, versions[i.Id]);
        }).ToList();
        return new FrameworkTemplate(years, areas, rows);
    }

    public async Task<byte[]> XlsxAsync(IStringLocalizer<SharedResource> text, CancellationToken cancellationToken)
    {
        using var stream = new MemoryStream();
        await using (var xlsx = await XlsxExport.StartAsync(stream, cancellationToken))
        {
            var areaColumns = FrameworkColumns.Areas;
            await xlsx.AddTableAsync(FrameworkColumns.AreaSheet, Columns(areaColumns, text), areas.Count,
                areas.Select(a => areaColumns.Select(c => Value(c, a, null)).ToArray()), cancellationToken, TableUse.ImportTemplate);
            var indicatorColumns = FrameworkColumns.Indicators(years);
            await xlsx.AddTableAsync(FrameworkColumns.IndicatorSheet, Columns(indicatorColumns, text), indicators.Count,
                indicators.Select(i => indicatorColumns.Select(c => Value(c, null, i)).ToArray()), cancellationToken, TableUse.ImportTemplate);
            await xlsx.FinishAsync(cancellationToken);
        }

        return stream.ToArray();
    }

    public byte[] Csv(IStringLocalizer<SharedResource> text)
    {
        var columns = FrameworkColumns.Csv(years);
        using var stream = new MemoryStream();

        // With a byte order mark Excel opens the file as UTF-8, so the Chinese titles survive.
        using (var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)))
        using (var csv = new CsvWriter(writer, CultureInfo.InvariantCulture))
        {
            foreach (var column in columns)
            {
                csv.WriteField(FrameworkColumns.Header(column, text));
            }

            csv.NextRecord();
            var lines = areas.Select(a => columns.Select(c => c.Field == FrameworkField.Type ? FrameworkColumns.Kind(a.Kind) : Value(c, a, null)))
                .Concat(indicators.Select(i => columns.Select(c => c.Field == FrameworkField.Type ? FrameworkColumns.IndicatorType : Value(c, null, i))));
            foreach (var line in lines)
            {
                foreach (var value in line)
                {
                    csv.WriteField(value switch
                    {
                        null => null,
                        string s => SpreadsheetReader.Escape(s),
                        decimal d => SheetFields.Show(d),
                        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                        var other => other.ToString(),
                    });
                }

                csv.NextRecord();
            }
        }

        return stream.ToArray();
    }

    /// <summary>The value of <paramref name="column"/> in an area's row or an indicator's (the other is null): null where the column is not the row's.</summary>
    private static object? Value(FrameworkColumn column, AreaTemplateRow? area, IndicatorTemplateRow? indicator) => column.Field switch
    {
        FrameworkField.Code => area?.Code,
        FrameworkField.Kind => area is null ? null : FrameworkColumns.Kind(area.Kind),
        FrameworkField.Parent => area?.Parent,
        FrameworkField.Key => indicator?.Key,
        FrameworkField.Area => indicator?.Area,
        FrameworkField.TitleEn => area?.TitleEn ?? indicator?.Definition?.TitleEn,
        FrameworkField.TitleZh => area?.TitleZh ?? indicator?.Definition?.TitleZh,
        FrameworkField.Unit => indicator?.Definition is { } d ? Words.Unit(d.Unit) : null,
        FrameworkField.Direction => indicator?.Definition is { } d ? Words.Direction(d.Direction) : null,
        FrameworkField.Cumulative => indicator?.Definition is { } d ? FrameworkColumns.Cumulative(d.IsCumulative) : null,
        FrameworkField.Baseline => indicator?.Baseline.WithoutTrailingZeros(),
        FrameworkField.BaselineYear => indicator?.BaselineYear,
        FrameworkField.Milestone => indicator is not null && indicator.Milestones.TryGetValue(column.Year!.Value, out var m) ? m.WithoutTrailingZeros() : null,
        FrameworkField.EndTarget => indicator?.EndTarget.WithoutTrailingZeros(),
        FrameworkField.DataSource => indicator?.DataSource,
        FrameworkField.Order => area?.Order ?? indicator?.Order,
        FrameworkField.Version => area?.Version ?? indicator?.Version,
        _ => null,
    };

    private static List<ExportColumn> Columns(IReadOnlyList<FrameworkColumn> columns, IStringLocalizer<SharedResource> text) =>
        columns.Select(c => new ExportColumn(FrameworkColumns.Header(c, text), Kind(c.Field), Width(c.Field))).ToList();

    private static ColumnKind Kind(FrameworkField field) => field switch
    {
        FrameworkField.Baseline or FrameworkField.Milestone or FrameworkField.EndTarget => ColumnKind.Number,
        FrameworkField.BaselineYear or FrameworkField.Order => ColumnKind.Whole,
        _ => ColumnKind.Text,
    };

    private static double Width(FrameworkField field) => field switch
    {
        FrameworkField.TitleEn or FrameworkField.TitleZh => 60,
        FrameworkField.DataSource => 40,
        FrameworkField.Version => 10,
        FrameworkField.Kind => 26,
        _ => 12,
    };
}
