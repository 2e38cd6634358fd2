using System.Text;
using CsvHelper;

namespace UnvReporting.Web.Features.Statistics;

/// <summary>One bar or slice of a chart, with the report paragraph it comes from and, where the reports give it, the year before.</summary>
public sealed record ChartRow(string Label, decimal Value, Qualifier Qualifier, string Source, decimal? Prior = null);

/// <summary>
/// A chart of the statistics pages as the page, its table alternative, its PNG and its CSV all
/// read it: the same rows for each, so the four never disagree.
/// </summary>
public sealed record StatisticChart(string Id, string Title, string Kind, Unit Unit, IReadOnlyList<ChartRow> Rows)
{
    /// <summary>The report paragraphs the rows come from, once each.</summary>
    public string Sources => string.Join("; ", Rows.Select(r => r.Source).Distinct());

    public bool HasPrior => Rows.Any(r => r.Prior is not null);

    /// <summary>
    /// A breakdown in shares whose parts fall well short of the whole: the report names only some
    /// groups (UN Volunteers under 30 and over 60, nothing between), and the page must say so
    /// rather than let two bars pass for the whole. Rounded shares of a full breakdown add up to
    /// 99-101, hence the margin.
    /// </summary>
    public bool GivesOnlySome => Kind == "bar" && Unit == Unit.Percent && Rows.Count > 0 && Rows.Sum(r => r.Value) < 98;

    /// <summary>
    /// The chart's rows as CSV: UTF-8 with a byte order mark (so Excel reads Chinese names),
    /// RFC 4180 quoting, raw numbers, and text that a spreadsheet would run as a formula
    /// prefixed with an apostrophe.
    /// </summary>
    public byte[] Csv(string firstColumn, string firstValue)
    {
        using var stream = new MemoryStream();
        using (var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)))
        using (var csv = new CsvWriter(writer, CultureInfo.InvariantCulture))
        {
            foreach (var column in new[] { firstColumn, "label", "value", "qualifier", "source" })
            {
                csv.WriteField(column);
            }

            csv.NextRecord();
            foreach (var row in Rows)
            {
                csv.WriteField(FormulaGuard.Neutralise(firstValue));
                csv.WriteField(FormulaGuard.Neutralise(row.Label));
                csv.WriteField(row.Value.WithoutTrailingZeros().ToString(CultureInfo.InvariantCulture));
                csv.WriteField(Words.Qualifier(row.Qualifier));
                csv.WriteField(FormulaGuard.Neutralise(row.Source));
                csv.NextRecord();
            }
        }

        return stream.ToArray();
    }
}

/// <summary>What the chart partial needs besides the chart: where its CSV is, the PNG's file name, the first column's heading and the year before, if shown.</summary>
public sealed record ChartView(StatisticChart Chart, string CsvUrl, string FileName, string LabelHeading, int? PriorYear);
