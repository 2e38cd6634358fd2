using System.Text;
using CsvHelper;

namespace UnvReporting.Web.Features.Staff.Years.Import;

/// <summary>An indicator-year as the template pre-fills it, with the version it had when the template was made.</summary>
public sealed record IndicatorTemplateRow(string Key, string Code, string Title, Unit Unit, decimal? Milestone, decimal? Result, string? NarrativeEn, string? NarrativeZh, string Version);

public sealed record StatisticTemplateRow(string Metric, string? Dimension, string? Member, decimal Value, Qualifier Qualifier, string Source, string? Note, string Version);

/// <summary>
/// Writes the import templates: an XLSX workbook with an indicator sheet and a statistics sheet
/// (bold, frozen header; figures as numbers), written with the exports' writer, and a CSV file of
/// the indicator sheet.
/// </summary>
public static class Templates
{
    private static readonly IReadOnlyList<ExportColumn> IndicatorColumns = Columns(
        IndicatorSheet.Columns, [8, 10, 60, 10, 12, 12, 60, 60, 10], numbers: ["Milestone", "Result"]);

    private static readonly IReadOnlyList<ExportColumn> StatisticColumns = Columns(
        StatisticsSheet.Columns, [30, 16, 30, 14, 12, 30, 50, 10], numbers: ["Value"]);

    public static async Task<byte[]> XlsxAsync(IReadOnlyList<IndicatorTemplateRow> indicators, IReadOnlyList<StatisticTemplateRow> statistics, CancellationToken cancellationToken)
    {
        using var stream = new MemoryStream();
        await using (var xlsx = await XlsxExport.StartAsync(stream, cancellationToken))
        {
            await xlsx.AddTableAsync(IndicatorSheet.Name, IndicatorColumns, indicators.Count, indicators.Select(r => new object?[]
            {
                r.Key, r.Code, r.Title, r.Unit.ToString(), r.Milestone, r.Result, r.NarrativeEn, r.NarrativeZh, r.Version,
            }), cancellationToken, TableUse.ImportTemplate);
            await xlsx.AddTableAsync(StatisticsSheet.Name, StatisticColumns, statistics.Count, statistics.Select(r => new object?[]
            {
                r.Metric, r.Dimension, r.Member, r.Value, r.Qualifier.ToString(), r.Source, r.Note, r.Version,
            }), cancellationToken, TableUse.ImportTemplate);
            await xlsx.FinishAsync(cancellationToken);
        }

        return stream.ToArray();
    }

    public static byte[] Csv(IReadOnlyList<IndicatorTemplateRow> indicators)
    {
        using var stream = new MemoryStream();

        // With a byte order mark Excel opens the file as UTF-8, so Chinese narratives survive.
        using (var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)))
        using (var csv = new CsvWriter(writer, CultureInfo.InvariantCulture))
        {
            foreach (var column in IndicatorSheet.Columns)
            {
                csv.WriteField(column);
            }

            csv.NextRecord();
            foreach (var r in indicators)
            {
                foreach (var field in new[] { r.Key, r.Code, Text(r.Title), r.Unit.ToString(), Number(r.Milestone), Number(r.Result), Text(r.NarrativeEn), Text(r.NarrativeZh), r.Version })
                {
                    csv.WriteField(field);
                }

                csv.NextRecord();
            }
        }

        return stream.ToArray();
    }

    private static string? Text(string? value) => value is null ? null : SpreadsheetReader.Escape(value);

    private static string? Number(decimal? value) => SheetFields.Show(value);

    private static List<ExportColumn> Columns(IReadOnlyList<string> headers, double[] widths, string[] numbers) =>
        headers.Select((header, i) => new ExportColumn(header, numbers.Contains(header) ? ColumnKind.Number : ColumnKind.Text, widths[i])).ToList();
}
