using UnvReporting.Domain.Results;

namespace UnvReporting.Domain.Tests.Results;

public class IndicatorYearTests
{
    [Fact]
    public void Keeps_the_code_as_published_beside_the_normalised_key()
    {
        var year = new IndicatorYear(TestData.Indicator("2.1.1a"), 2019, "2.1.1.a", TestData.Definition(), 57827, 65014, TestData.Source);

        year.CodeAsPublished.ShouldBe("2.1.1.a");
        year.Indicator.Key.ShouldBe("2.1.1a");
        year.Milestone.ShouldBe(57827m);
        year.Result.ShouldBe(65014m);
    }

    [Fact]
    public void Refuses_a_code_that_stands_for_another_indicator() =>
        Should.Throw<DomainException>(() => new IndicatorYear(TestData.Indicator("2.1.1a"), 2019, "2.1.1.b", TestData.Definition(), 1, 1, TestData.Source))
            .Message.ShouldContain("does not stand for indicator 2.1.1a");

    [Fact]
    public void Milestone_and_result_may_be_missing()
    {
        var year = new IndicatorYear(TestData.Indicator(), 2022, "2.1.1a", TestData.Definition(), null, null, TestData.Source);

        year.Milestone.ShouldBeNull();
        year.Result.ShouldBeNull();
    }

    [Theory]
    [InlineData(-1, 10)]
    [InlineData(10, -1)]
    public void A_count_cannot_be_negative(int milestone, int result) =>
        Should.Throw<DomainException>(() => new IndicatorYear(TestData.Indicator(), 2019, "2.1.1a", TestData.Definition(Unit.Count), milestone, result, TestData.Source))
            .Message.ShouldContain("cannot be negative");

    [Fact]
    public void A_percent_result_above_100_is_refused() =>
        Should.Throw<DomainException>(() => new IndicatorYear(TestData.Indicator("2.1"), 2019, "2.1", TestData.Definition(Unit.Percent), 93, 930, TestData.Source))
            .Message.ShouldBe("Result is a share and must be between 0 and 100 (got 930).");

    [Fact]
    public void Records_the_published_score_and_colour_as_printed()
    {
        var year = new IndicatorYear(TestData.Indicator(), 2019, "2.1.1.a", TestData.Definition(), 57827, 65014, TestData.Source);

        year.RecordPublished(112, Rating.Green, PublishedRatingBasis.StatedInText);

        year.PublishedScorePercent.ShouldBe(112);
        year.PublishedRating.ShouldBe(Rating.Green);
        year.PublishedRatingBasis.ShouldBe(PublishedRatingBasis.StatedInText);
    }

    [Fact]
    public void A_published_colour_must_say_how_it_is_known()
    {
        var year = new IndicatorYear(TestData.Indicator(), 2019, "2.1.1.a", TestData.Definition(), 1, 1, TestData.Source);

        Should.Throw<DomainException>(() => year.RecordPublished(100, Rating.Green, null));
        Should.Throw<DomainException>(() => year.RecordPublished(100, null, PublishedRatingBasis.StatedInText));
    }

    [Theory]
    [InlineData(-5)]
    [InlineData(100_001)]
    public void A_published_score_outside_0_to_100000_percent_is_refused(int score)
    {
        var year = new IndicatorYear(TestData.Indicator(), 2019, "2.1.1.a", TestData.Definition(), 1, 1, TestData.Source);

        Should.Throw<DomainException>(() => year.RecordPublished(score, Rating.Red, PublishedRatingBasis.StatedInText));
    }

    [Fact]
    public void Blank_narratives_are_stored_as_none()
    {
        var year = new IndicatorYear(TestData.Indicator(), 2019, "2.1.1.a", TestData.Definition(), 1, 1, TestData.Source);

        year.Describe("  Volunteer months rose.  ", "   ", null);

        year.NarrativeEn.ShouldBe("Volunteer months rose.");
        year.NarrativeZh.ShouldBeNull();
        year.Note.ShouldBeNull();
    }
}
