using System.Text;
using UnvReporting.Domain;
using UnvReporting.Domain.Statistics;
using UnvReporting.Web.Features.Statistics;

namespace UnvReporting.Web.Tests.Features.Statistics;

public class StatisticChartCsvTests
{
    [Theory]
    [InlineData("=SUM(A1)")]
    [InlineData("+1")]
    [InlineData("-1")]
    [InlineData("@cmd")]
    [InlineData("\tx")]
    [InlineData("\rx")]
    public void Text_a_spreadsheet_would_run_as_a_formula_is_kept_as_text(string label)
    {
        var chart = new StatisticChart("c", "Title", "bar", Unit.Count, [new ChartRow(label, 1m, Qualifier.Exact, "DP/2022/24 para 1")]);

        var text = Encoding.UTF8.GetString(chart.Csv("year", "2021")[3..]);

        text.ShouldContain("'" + label[0]);
    }

    [Fact]
    public void Commas_quotes_and_Chinese_survive_and_numbers_stay_plain()
    {
        var chart = new StatisticChart("c", "Title", "bar", Unit.Usd, [new ChartRow("开发署, \"UNDP\"", 270000000.0000m, Qualifier.MoreThan, "DP/2022/24 para 39")]);

        var bytes = chart.Csv("year", "2021");

        bytes.Take(3).ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
        Encoding.UTF8.GetString(bytes[3..]).ShouldBe(
            "year,label,value,qualifier,source\r\n2021,\"开发署, \"\"UNDP\"\"\",270000000,more-than,DP/2022/24 para 39\r\n");
    }
}
