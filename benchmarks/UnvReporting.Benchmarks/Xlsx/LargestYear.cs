using System.Globalization;
using UnvReporting.Domain.Results;
using UnvReporting.Web.Features.Export;
using UnvReporting.Web.Platform.Files;

namespace UnvReporting.Benchmarks.Xlsx;

/// <summary>
/// The rows the XLSX exports write for the largest synthetic year (<see cref="SyntheticData"/> at
/// issue 6's scale: 20,000 statistic facts and 500 indicators a year), made in memory in the
/// shapes <see cref="StatisticsExport"/> and <see cref="IndicatorExport"/> give them, so that a
/// writer is measured without the database. Names come from arrays made once, as the product's
/// exports take them from memory; the row arrays, boxed numbers and source texts are made per row
/// as there.
/// </summary>
public static class LargestYear
{
    public const int Year = 2075;
    public const string Framework = "2071-2075";

    private static readonly string[] MetricKeys = Names(1000, i => Scale.MetricKey(i));
    private static readonly string[] MetricEn = Names(1000, i => $"Synthetic metric {i:D3}");
    private static readonly string[] MetricZh = Names(1000, i => $"合成统计 {i:D3}");
    private static readonly string[] MemberKeys = Names(Scale.Members, Scale.MemberKey);
    private static readonly string[] MemberEn = Names(Scale.Members, i => $"Synthetic member {i:D4}");
    private static readonly string[] MemberZh = Names(Scale.Members, i => $"合成成员 {i:D4}");

    public static IReadOnlyList<ExportColumn> Columns(string sheet) =>
        sheet == "indicators" ? IndicatorExport.Columns : StatisticsExport.Columns;

    public static IAsyncEnumerable<object?[]> RowsAsync(string sheet, int count) =>
        sheet == "indicators" ? IndicatorRows(count).ToAsyncEnumerable() : StatisticRows(count).ToAsyncEnumerable();

    /// <summary>The facts of the year: synthetic metrics × members, as SyntheticData writes them.</summary>
    public static IEnumerable<object?[]> StatisticRows(int count)
    {
        var random = new Random(7);
        for (var i = 0; i < count; i++)
        {
            var metric = (i / Scale.Members) % MetricKeys.Length;
            var member = i % Scale.Members;
            yield return
            [
                Year, MetricKeys[metric], MetricEn[metric], MetricZh[metric], "count", Scale.Dimension, MemberKeys[member], MemberEn[member], MemberZh[member],
                (decimal)random.Next(0, 1_000_000), "exact", $"{Scale.Source} synthetic", null,
            ];
        }
    }

    /// <summary>The indicator table of the year: ten outputs of fifty indicators, shares and counts, a twentieth without a result.</summary>
    public static IEnumerable<object?[]> IndicatorRows(int count)
    {
        var random = new Random(6);
        for (var i = 0; i < count; i++)
        {
            var output = $"{(i / 250) % 2 + 1}.{(i / 50) % 5 + 1}";
            var key = $"{output}.{i % 50 + 1}";
            var percent = i % 3 != 0;
            decimal milestone = percent ? random.Next(20, 90) : random.Next(100, 50_000);
            decimal? result = random.Next(20) == 0 ? null : percent ? random.Next(0, 101) : random.Next(0, 60_000);
            decimal? exact = result is { } r ? Math.Round(r * 100 / milestone, 2, MidpointRounding.AwayFromZero) : null;
            var rating = exact switch
            {
                null => Rating.Grey,
                >= 100 => Rating.Green,
                >= 60 => Rating.Yellow,
                _ => Rating.Red,
            };
            yield return
            [
                Year, Framework, output[..1], output, key, key,
                $"Synthetic indicator {key}: {(percent ? "share of something" : "number of something")}", $"合成指标 {key}", percent ? "percent" : "count",
                milestone, result, exact is { } e ? (long?)Math.Round(e, MidpointRounding.AwayFromZero) : null, exact, rating,
                null, null, null, $"{Scale.Source} synthetic table", $"Synthetic narrative of indicator {key} in {Year}.", null, null,
            ];
        }
    }

    /// <summary>A notes sheet of the usual length.</summary>
    public static IEnumerable<(bool Heading, string?[] Cells)> NotesRows()
    {
        yield return (true, ["Reading the figures"]);
        for (var i = 0; i < 8; i++)
        {
            yield return (false, [$"Term {i}", $"What term {i} means, in a sentence or two that a reader of the workbook needs before using the figures."]);
        }

        yield return (false, [null]);
        yield return (true, ["Source documents", "Title (English)", "Title (Chinese)", "Session", "Issued on"]);
        yield return (false, [Scale.Source, "Synthetic benchmark data (not a UNV report)", "合成基准数据", "none", "2076-01-31"]);
    }

    /// <summary>A staff change log of a hundred saves.</summary>
    public static IEnumerable<object?[]> ChangeLogRows(int count)
    {
        for (var i = 0; i < count; i++)
        {
            yield return
            [
                $"2076-01-{i % 28 + 1:D2} 10:00:00", "editor@example.org", "update", "indicator-year", $"{Year}/1.1.{i % 50 + 1}", Year, $"1.1.{i % 50 + 1}",
                "Result", (i * 10).ToString(CultureInfo.InvariantCulture), (i * 10 + 5).ToString(CultureInfo.InvariantCulture), "Corrected after the country office's review",
            ];
        }
    }

    private static string[] Names(int count, Func<int, string> name) => Enumerable.Range(0, count).Select(name).ToArray();
}
