using System.Text.RegularExpressions;
using UnvReporting.Web.Tests.Support;

namespace UnvReporting.Web.Tests.Architecture;

/// <summary>
/// Which years a visitor may read is decided in one place (Platform/Data/Visibility.cs, over the
/// domain's <c>ReportingYear.PublicStatus</c>). A page, query, API or export that compared a
/// status with "published" itself could drift from it, and show a draft to the public.
/// </summary>
public partial class VisibilityRuleTests
{
    private const string Home = "src/UnvReporting.Web/Platform/Data/Visibility.cs";

    [Fact]
    public void No_file_but_the_visibility_rules_tests_whether_a_year_is_published()
    {
        var offenders = RepositoryFiles.Find("src/UnvReporting.Web", "*.cs")
            .Concat(RepositoryFiles.Find("src/UnvReporting.Web", "*.cshtml"))
            .Where(path => path != Home && !path.Contains("/Migrations/", StringComparison.Ordinal))
            .SelectMany(path => StatusTests(RepositoryFiles.Read(path)).Select(line => $"{path}: {line}"))
            .ToList();

        offenders.ShouldBeEmpty();
    }

    // Without this, a pattern that matched nothing would pass the test above.
    [Theory]
    [InlineData(".Where(y => y.Status == ReportingStatus.Published)")]
    [InlineData("y.Status != UnvReporting.Domain.Reporting.ReportingStatus.Published")]
    [InlineData("ReportingStatus.Published == heading.Status")]
    [InlineData("if (year.Status is ReportingStatus.Published)")]
    [InlineData("year.Status is not ReportingStatus.Published")]
    public void A_status_test_is_recognised(string line) =>
        StatusTests(line).ShouldHaveSingleItem();

    [Theory]
    [InlineData("reportingYear = new ReportingYear(framework, year, ReportingStatus.Draft, symbol, null);")]
    [InlineData("public ReportingStatus Status { get; init; } = ReportingStatus.Published;")]
    [InlineData("var published = ReportingYear.IsPublic(Model.Status);")]
    public void A_line_that_only_names_a_status_is_not_a_test(string line) =>
        StatusTests(line).ShouldBeEmpty();

    private static IEnumerable<string> StatusTests(string text) =>
        text.Split('\n').Select(line => line.Trim()).Where(line => StatusTest().IsMatch(line));

    [GeneratedRegex(@"(==|!=|\bis\s+(not\s+)?)\s*([\w.]*\.)?ReportingStatus\.Published\b|\bReportingStatus\.Published\s*(==|!=)")]
    private static partial Regex StatusTest();
}
