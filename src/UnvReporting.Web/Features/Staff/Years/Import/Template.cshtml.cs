namespace UnvReporting.Web.Features.Staff.Years.Import;

/// <summary>The import templates of a year, pre-filled with its indicators, their figures and versions (and, in the workbook, its statistics).</summary>
/// <remarks>They hold unpublished figures: no browser or proxy may keep a copy (no-store).</remarks>
[Authorize(Policy = StaffPolicies.EnterData)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class TemplateModel(UnvDbContext db) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int year, string format, CancellationToken cancellationToken)
    {
        if (format is not (SpreadsheetReader.Xlsx or SpreadsheetReader.Csv) || !await db.ReportingYears.AnyAsync(y => y.Year == year, cancellationToken))
        {
            return NotFound();
        }

        var indicators = (await db.IndicatorYears.AsNoTracking()
            .Where(iy => iy.Year == year)
            .OrderBy(iy => iy.Indicator.SortOrder)
            .Select(iy => new
            {
                iy.Indicator.Key,
                iy.CodeAsPublished,
                iy.Definition.TitleEn,
                iy.Definition.Unit,
                iy.Milestone,
                iy.Result,
                iy.NarrativeEn,
                iy.NarrativeZh,
                Version = EF.Property<uint>(iy, ConcurrencyVersion.PropertyName),
            })
            .ToListAsync(cancellationToken))
            .Select(r => new IndicatorTemplateRow(r.Key, r.CodeAsPublished, r.TitleEn, r.Unit, r.Milestone.WithoutTrailingZeros(), r.Result.WithoutTrailingZeros(),
                r.NarrativeEn, r.NarrativeZh, ConcurrencyVersion.Format(r.Version)))
            .ToList();

        if (format == SpreadsheetReader.Csv)
        {
            return File(Templates.Csv(indicators), "text/csv; charset=utf-8", $"unv-{year}-import.csv");
        }

        var statistics = (await db.StatisticFacts.AsNoTracking()
            .Where(f => f.Year == year)
            .OrderBy(f => f.MetricKey).ThenBy(f => f.Dimension).ThenBy(f => f.Member)
            .Select(f => new { f.MetricKey, f.Dimension, f.Member, f.Value, f.Qualifier, f.Source, f.Note, Version = EF.Property<uint>(f, ConcurrencyVersion.PropertyName) })
            .ToListAsync(cancellationToken))
            .Select(f => new StatisticTemplateRow(f.MetricKey, f.Dimension, f.Member, f.Value, f.Qualifier, f.Source.ToString(), f.Note, ConcurrencyVersion.Format(f.Version)))
            .ToList();
        return File(await Templates.XlsxAsync(indicators, statistics, cancellationToken), XlsxExport.ContentType, $"unv-{year}-import.xlsx");
    }
}
