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
        Refusal.Of("CodeAsPublished", () => new IndicatorYear(TestData.Indicator("2.1.1a"), 2019, "2.1.1.b", TestData.Definition(), 1, 1, TestData.Source))
            .Message.ShouldContain("does not stand for indicator 2.1.1a");

    [Fact]
    public void The_code_as_published_is_required_and_named_when_missing() =>
        Refusal.Of("CodeAsPublished", () => new IndicatorYear(TestData.Indicator(), 2019, " ", TestData.Definition(), 1, 1, TestData.Source))
            .Message.ShouldContain("Code as published");

    [Fact]
    public void Milestone_and_result_may_be_missing()
    {
        var year = new IndicatorYear(TestData.Indicator(), 2022, "2.1.1a", TestData.Definition(), null, null, TestData.Source);

        year.Milestone.ShouldBeNull();
        year.Result.ShouldBeNull();
    }

    [Theory]
    [InlineData(-1, 10, "Milestone")]
    [InlineData(10, -1, "Result")]
    public void A_count_cannot_be_negative(int milestone, int result, string field) =>
        Refusal.Of(field, () => new IndicatorYear(TestData.Indicator(), 2019, "2.1.1a", TestData.Definition(Unit.Count), milestone, result, TestData.Source))
            .Message.ShouldContain("cannot be negative");

    [Fact]
    public void A_percent_result_above_100_is_refused() =>
        Refusal.Of("Result", () => new IndicatorYear(TestData.Indicator("2.1"), 2019, "2.1", TestData.Definition(Unit.Percent), 93, 930, TestData.Source))
            .Message.ShouldBe("Result is a share and must be between 0 and 100 (got 930).");

    [Fact]
    public void A_milestone_its_unit_cannot_take_is_refused_by_name() =>
        Refusal.Of("Milestone", () => new IndicatorYear(TestData.Indicator("2.1"), 2019, "2.1", TestData.Definition(Unit.Percent), 930, 93, TestData.Source))
            .Message.ShouldStartWith("Milestone");

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

        Refusal.Of("PublishedRatingBasis", () => year.RecordPublished(100, Rating.Green, null)).Message.ShouldContain("stated or inferred");
        Refusal.Of("PublishedRatingBasis", () => year.RecordPublished(100, null, PublishedRatingBasis.StatedInText)).Message.ShouldContain("stated or inferred");
        year.PublishedRating.ShouldBeNull();
    }

    [Fact]
    public void A_published_score_may_be_recorded_without_a_colour()
    {
        var year = new IndicatorYear(TestData.Indicator(), 2021, "2.1.1a", TestData.Definition(), 47, 63, TestData.Source);

        year.RecordPublished(126, null, null);

        year.PublishedScorePercent.ShouldBe(126);
        year.PublishedRating.ShouldBeNull();
        year.PublishedRatingBasis.ShouldBeNull();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(100_000)]
    public void A_published_score_from_0_to_100000_percent_is_kept(int score)
    {
        var year = new IndicatorYear(TestData.Indicator(), 2019, "2.1.1.a", TestData.Definition(), 1, 1, TestData.Source);

        year.RecordPublished(score, Rating.Red, PublishedRatingBasis.InferredFromPublishedScore);

        year.PublishedScorePercent.ShouldBe(score);
    }

    [Theory]
    [InlineData(-5)]
    [InlineData(100_001)]
    public void A_published_score_outside_0_to_100000_percent_is_refused(int score)
    {
        var year = new IndicatorYear(TestData.Indicator(), 2019, "2.1.1.a", TestData.Definition(), 1, 1, TestData.Source);

        Refusal.Of("PublishedScorePercent", () => year.RecordPublished(score, Rating.Red, PublishedRatingBasis.StatedInText))
            .Message.ShouldContain($"published score must be between 0% and 100000% (got {score}%)");
        year.PublishedScorePercent.ShouldBeNull();
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

    [Fact]
    public void Describing_keeps_both_narratives_and_the_note()
    {
        var year = new IndicatorYear(TestData.Indicator(), 2021, "2.1.1a", TestData.Definition(), 1, 1, TestData.Source);

        year.Describe("Volunteer months rose.", "志愿服务月数增加。", " Para 31 gives 53 194 for 2018. ");

        year.NarrativeEn.ShouldBe("Volunteer months rose.");
        year.NarrativeZh.ShouldBe("志愿服务月数增加。");
        year.Note.ShouldBe("Para 31 gives 53 194 for 2018.");
    }

    [Theory]
    [InlineData("English narrative", "NarrativeEn", IndicatorYear.MaxNarrativeLength)]
    [InlineData("Chinese narrative", "NarrativeZh", IndicatorYear.MaxNarrativeLength)]
    [InlineData("Note", "Note", IndicatorYear.MaxNoteLength)]
    public void A_description_longer_than_its_column_is_refused_by_name(string field, string key, int maxLength)
    {
        var year = new IndicatorYear(TestData.Indicator(), 2021, "2.1.1a", TestData.Definition(), 1, 1, TestData.Source);
        var tooLong = new string('x', maxLength + 1);

        Refusal.Of(key, () => year.Describe(
                field == "English narrative" ? tooLong : "English.",
                field == "Chinese narrative" ? tooLong : "中文。",
                field == "Note" ? tooLong : "Note."))
            .Message.ShouldContain($"{field} must be at most {maxLength} characters");
    }
}
