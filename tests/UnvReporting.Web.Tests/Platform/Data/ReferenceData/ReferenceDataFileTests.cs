using UnvReporting.Domain.Frameworks;
using UnvReporting.Domain.Reporting;
using UnvReporting.Domain.Results;
using UnvReporting.Domain.Sources;
using UnvReporting.Web.Platform.Data.ReferenceData;
using UnvReporting.Web.Tests.Support;

namespace UnvReporting.Web.Tests.Platform.Data.ReferenceData;

/// <summary>
/// The reference data file against the reports it transcribes: the shape of each year's table,
/// the colour counts of paragraph 3, and a source for every figure.
/// </summary>
public class ReferenceDataFileTests
{
    private static readonly ReferenceDataFile File = ReferenceDataFile.Read();

    private static readonly string[] Keys2018To2021 =
        ["1.1", "1.2", "1.1.1", "1.1.2", "1.2.1", "1.2.2", "2.1", "2.2", "2.1.1a", "2.1.1b", "2.1.2a", "2.1.2b", "2.2.1", "2.2.2"];

    [Fact]
    public void Holds_the_two_published_years_of_the_2018_2021_framework()
    {
        File.ReportingYears.Select(y => (y.Year, y.Framework, y.Status, y.Document))
            .ShouldBe([(2019, "2018-2021", ReportingStatus.Published, "DP/2020/14"), (2021, "2018-2021", ReportingStatus.Published, "DP/2022/24")]);
    }

    [Theory]
    [InlineData(2019)]
    [InlineData(2021)]
    public void Each_year_rates_the_14_indicators_of_the_framework(int year)
    {
        var rows = File.ReportingYears.Single(y => y.Year == year).Indicators;

        rows.Select(r => IndicatorKey.Normalize(r.Code)).ShouldBe(Keys2018To2021, ignoreOrder: true);
        File.Frameworks.Single(f => f.Code == "2018-2021").Indicators.Select(i => i.Key).ShouldBe(Keys2018To2021, ignoreOrder: true);
    }

    [Fact]
    public void Codes_stay_as_each_report_writes_them()
    {
        Code(2019, "2.1.1a").ShouldBe("2.1.1.a");
        Code(2021, "2.1.1a").ShouldBe("2.1.1a");
    }

    [Theory]
    [InlineData(2019, 9, 5, 0, 0)]
    [InlineData(2021, 11, 2, 1, null)]
    public void Stated_colour_counts_are_those_of_paragraph_3(int year, int green, int yellow, int red, int? grey)
    {
        var entry = File.ReportingYears.Single(y => y.Year == year);

        entry.StatedSummary.ShouldBe(new StatedSummaryEntry(green, yellow, red, grey, "para 3"));
    }

    [Theory]
    [InlineData(2019)]
    [InlineData(2021)]
    public void Published_colours_add_up_to_the_counts_of_paragraph_3(int year)
    {
        var entry = File.ReportingYears.Single(y => y.Year == year);
        int Count(Rating rating) => entry.Indicators.Count(i => i.PublishedRating == rating);

        Count(Rating.Green).ShouldBe(entry.StatedSummary.Green);
        Count(Rating.Yellow).ShouldBe(entry.StatedSummary.Yellow);
        Count(Rating.Red).ShouldBe(entry.StatedSummary.Red);
        Count(Rating.Grey).ShouldBe(entry.StatedSummary.Grey ?? 0);
    }

    [Fact]
    public void Every_published_colour_is_the_band_of_its_published_score()
    {
        var framework = File.Frameworks.Single(f => f.Code == "2018-2021");
        var bands = new RatingBands(framework.GreenFrom, framework.YellowFrom);

        foreach (var year in File.ReportingYears)
        {
            foreach (var row in year.Indicators)
            {
                row.PublishedRating.ShouldBe(bands.Rate(row.PublishedScore!.Value), $"{year.Year} {row.Code} printed {row.PublishedScore}%");
            }
        }
    }

    [Fact]
    public void Published_scores_equal_result_over_milestone_except_where_a_note_says_otherwise()
    {
        var differing = new List<string>();
        foreach (var year in File.ReportingYears)
        {
            foreach (var row in year.Indicators)
            {
                var computed = (int)Math.Round(row.Result!.Value / row.Milestone!.Value * 100, MidpointRounding.AwayFromZero);
                if (computed != row.PublishedScore)
                {
                    differing.Add($"{year.Year} {row.Code}");
                    row.Note.ShouldNotBeNull($"{year.Year} {row.Code}: computed {computed}%, printed {row.PublishedScore}%, and no note says so");
                    row.Note.ShouldContain($"{row.PublishedScore}%");
                }
            }
        }

        differing.ShouldBe(["2021 1.1", "2021 1.2", "2021 1.2.1"]);
    }

    [Fact]
    public void Colours_of_2019_are_stated_in_the_text_and_those_of_2021_inferred_from_the_published_score()
    {
        File.ReportingYears.Single(y => y.Year == 2019).Indicators.ShouldAllBe(i => i.RatingBasis == PublishedRatingBasis.StatedInText);
        File.ReportingYears.Single(y => y.Year == 2021).Indicators.ShouldAllBe(i => i.RatingBasis == PublishedRatingBasis.InferredFromPublishedScore);
    }

    [Fact]
    public void The_mid_term_review_redefinitions_show_in_the_2021_definitions()
    {
        string[] cumulativeIn2021 = ["1.2", "1.1.1", "1.1.2", "1.2.1"];
        var year2019 = File.ReportingYears.Single(y => y.Year == 2019).Indicators;
        var year2021 = File.ReportingYears.Single(y => y.Year == 2021).Indicators;

        year2019.ShouldAllBe(i => !i.Cumulative);
        year2021.Where(i => i.Cumulative).Select(i => i.Code).ShouldBe(cumulativeIn2021, ignoreOrder: true);
        foreach (var key in new[] { "1.2", "1.1.1", "1.1.2", "1.2.1", "2.1.1b", "2.1.2b" })
        {
            Row(2021, key).TitleZh.ShouldNotBe(Row(2019, key).TitleZh, $"indicator {key} was redefined");
            Row(2021, key).TitleEn.ShouldNotBe(Row(2019, key).TitleEn, $"indicator {key} was redefined");
        }
    }

    [Fact]
    public void Every_figure_names_its_source_in_one_of_the_two_reports()
    {
        var documents = File.SourceDocuments.Select(d => d.Symbol).ToHashSet();
        var sources = File.ReportingYears.SelectMany(y => y.Indicators.Select(i => i.Source))
            .Concat(File.Statistics.Select(s => s.Source))
            .Concat(File.Frameworks.SelectMany(f => f.CumulativeAchievements.Select(c => c.Source)))
            .Concat(File.Frameworks.SelectMany(f => f.Ambitions.Select(a => a.Source)))
            .ToList();

        sources.Count.ShouldBeGreaterThan(200);
        sources.ShouldAllBe(s => documents.Contains(SourceReference.Parse(s).DocumentSymbol));
    }

    [Fact]
    public void Each_year_s_indicators_come_from_that_year_s_report()
    {
        foreach (var year in File.ReportingYears)
        {
            year.Indicators.ShouldAllBe(i => SourceReference.Parse(i.Source).DocumentSymbol == year.Document);
        }
    }

    [Fact]
    public void No_statistic_is_stated_twice()
    {
        var duplicates = File.Statistics
            .GroupBy(s => (s.Year, s.Metric, s.Dimension, s.Member))
            .Where(g => g.Count() > 1)
            .Select(g => g.Key)
            .ToList();

        duplicates.ShouldBeEmpty();
    }

    [Fact]
    public void Holds_at_least_the_statistics_the_product_promises()
    {
        string[] promised =
        [
            "volunteers_deployed", "volunteer_months", "countries_served", "un_entities_served", "deployments",
            "volunteers_deployed_growth", "national_share", "international_share", "global_south_share", "women_share",
            "average_age", "age_share", "volunteers_with_disabilities", "youth_volunteers", "community_volunteers",
            "expert_volunteers", "refugee_volunteers", "online_volunteers", "fully_funded_volunteers",
            "financial_value_usd", "recruitment_time_days", "deployment_time_days",
        ];

        promised.Except(File.Statistics.Select(s => s.Metric)).ShouldBeEmpty();
    }

    [Fact]
    public void Every_metric_and_dimension_is_documented_in_the_data_model()
    {
        var dataModel = RepositoryFiles.Read("docs/data-model.md");

        File.Metrics.Select(m => m.Key).Where(key => !dataModel.Contains($"| `{key}` |", StringComparison.Ordinal)).ShouldBeEmpty();
        File.Dimensions.Select(d => d.Key).Where(key => !dataModel.Contains($"- `{key}` (", StringComparison.Ordinal)).ShouldBeEmpty();
    }

    private static IndicatorYearEntry Row(int year, string key) =>
        File.ReportingYears.Single(y => y.Year == year).Indicators.Single(i => IndicatorKey.Normalize(i.Code) == key);

    private static string Code(int year, string key) => Row(year, key).Code;
}
