using System.Globalization;
using System.Text;

namespace UnvReporting.Benchmarks;

/// <summary>
/// The import benchmark's file: the statistics template's columns (Features/Staff/Years/Import/StatisticsSheet), one new
/// fact per row on the synthetic metrics and members that <see cref="SyntheticData"/> creates, so
/// every row is valid and adds a fact to any year that has none of them (a reference year).
/// </summary>
public static class ImportFile
{
    public static void WriteCsv(string path, int rows)
    {
        if (rows > Scale.MinMetrics * Scale.Members)
        {
            throw new ArgumentException($"At most {Scale.MinMetrics * Scale.Members:N0} rows: that is how many synthetic breakdowns a year can take.");
        }

        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        writer.WriteLine("Metric,Dimension,Member,Value,Qualifier,Source,Note");
        var random = new Random(50);
        for (var i = 0; i < rows; i++)
        {
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{Scale.MetricKey(i / Scale.Members)},{Scale.Dimension},{Scale.MemberKey(i % Scale.Members)},{random.Next(0, 1_000_000)},Exact,,"));
        }
    }
}
