using UnvReporting.Domain.Scoring;
using UnvReporting.Testing;
using UnvReporting.Web.Features.Indicators;
using UnvReporting.Web.Platform.Data;
using UnvReporting.Web.Tests.Support;

namespace UnvReporting.Web.Tests.Platform.Data;

/// <summary>
/// The scoring, run over the figures of both reports as the database holds them, against what the
/// reports printed (docs/reference-data.md, "Where the published figures disagree").
/// </summary>
public class PublishedFiguresTests
{
    private static readonly int[] ReportedYears = [2019, 2021];

    [Theory, BothProviders]
    public async Task Every_computed_colour_is_the_colour_the_report_published(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await using var scope = app.CreateDbScope();

        foreach (var year in ReportedYears)
        {
            var table = (await scope.Db.LoadYearTableAsync(year, CancellationToken.None)).ShouldNotBeNull();

            table.Indicators.Count.ShouldBe(14);
            foreach (var indicator in table.Indicators)
            {
                indicator.Figures.PublishedRating.ShouldNotBeNull($"{year} {indicator.Figures.Code}");
                indicator.Rating.ShouldBe(indicator.Figures.PublishedRating!.Value, $"{year} {indicator.Figures.Code}");
            }
        }
    }

    [Theory, BothProviders]
    public async Task Each_year_counts_the_colours_paragraph_3_of_its_report_states(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await using var scope = app.CreateDbScope();

        foreach (var year in ReportedYears)
        {
            var table = (await scope.Db.LoadYearTableAsync(year, CancellationToken.None)).ShouldNotBeNull();

            var stated = table.Heading.Stated.ShouldNotBeNull();
            stated.Locator.ShouldBe("para 3");
            table.Summary.Overall.Matches(stated).ShouldBeTrue($"{year}: computed {table.Summary.Overall}, stated {stated}");
            table.SummaryDiffersFromStated.ShouldBeFalse();
        }
    }

    [Theory, BothProviders]
    public async Task Only_three_2021_scores_differ_from_the_printed_ones_and_no_colour_differs(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await using var scope = app.CreateDbScope();

        var flags = new List<(int Year, string Key, ScoreFlag Flag)>();
        foreach (var year in ReportedYears)
        {
            var table = (await scope.Db.LoadYearTableAsync(year, CancellationToken.None)).ShouldNotBeNull();
            flags.AddRange(table.Indicators.SelectMany(i => i.Flags.Select(f => (year, i.Figures.Key, f))));
        }

        flags.ShouldBe(
        [
            (2021, "1.1", new ScoreDiffersFromPublished(134, 126)),
            (2021, "1.2", new ScoreDiffersFromPublished(166, 139)),
            (2021, "1.2.1", new ScoreDiffersFromPublished(84, 85)),
        ]);
        flags.ShouldNotContain(f => f.Flag is RatingDiffersFromPublished);
    }
}
