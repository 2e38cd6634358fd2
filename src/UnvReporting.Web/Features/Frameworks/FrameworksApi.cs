using Microsoft.AspNetCore.Http.HttpResults;
using UnvReporting.Web.Features.Indicators;

namespace UnvReporting.Web.Features.Frameworks;

/// <summary>The frameworks and each one's progress toward its end, as the framework page shows them (docs/api.md).</summary>
public static class FrameworksApi
{
    public static IEndpointRouteBuilder MapFrameworksApiV1(this IEndpointRouteBuilder app)
    {
        var api = app.MapPublicReads("Frameworks");

        api.MapRead("/frameworks", GetFrameworks, "getFrameworks",
            "Strategic frameworks",
            "The frameworks a published year or a published report presents, oldest first (with a staff token: every framework).");
        api.MapRead("/frameworks/{code}", GetFramework, "getFramework",
            "Progress of a framework",
            "Every indicator of the framework with each published year's figures, the end target, progress toward it, and the mid-term review's published percentages beside the computed ones.");
        return app;
    }

    private static async Task<Ok<List<FrameworkDto>>> GetFrameworks(HttpContext context, UnvDbContext db, CancellationToken cancellationToken)
    {
        var frameworks = await db.VisibleFrameworkHeadingsAsync(await StaffReader.VisibilityAsync(context), cancellationToken);
        return TypedResults.Ok(frameworks.Select(FrameworkDto.From).ToList());
    }

    private static async Task<Results<Ok<FrameworkProgressDto>, ProblemHttpResult>> GetFramework(string code, HttpContext context, UnvDbContext db, CancellationToken cancellationToken)
    {
        var visibility = await StaffReader.VisibilityAsync(context);
        var view = await db.LoadProgressAsync(code, visibility, cancellationToken);
        return view is null
            ? ApiProblems.Problem(StatusCodes.Status404NotFound, "No such framework", visibility == YearVisibility.Everything
                ? $"'{code}' is not a framework code (for example 2018-2021)."
                : $"'{code}' is not the code of a framework a published report presents (for example 2018-2021).")
            : TypedResults.Ok(FrameworkProgressDto.From(view));
    }
}

public sealed record FrameworkDto(string Code, int StartYear, int EndYear, string Document, int GreenFrom, int YellowFrom)
{
    public static FrameworkDto From(FrameworkHeading f) => new(f.Code, f.StartYear, f.EndYear, f.DocumentSymbol, f.GreenFrom, f.YellowFrom);
}

public sealed record ProgressCountsDto(int Green, int Yellow, int Red, int Grey);

public sealed record TrackYearDto(int Year, decimal? Milestone, decimal? Result, decimal? Score, long? ScorePercent, string Rating);

public sealed record ReviewDto(int FromYear, int ToYear, int PublishedPercent, long? ComputedPercent, bool Differs, string Source);

public sealed record IndicatorTrackDto(
    string Key,
    string Code,
    string Title,
    string Unit,
    string Direction,
    bool Cumulative,
    IReadOnlyList<TrackYearDto> Years,
    int? TargetYear,
    decimal? EndTarget,
    int? LatestYear,
    decimal? Latest,
    decimal? Progress,
    long? ProgressPercent,
    string ProgressRating,
    IReadOnlyList<ReviewDto> Reviews);

public sealed record FrameworkProgressDto(FrameworkDto Framework, IReadOnlyList<int> PublishedYears, ProgressCountsDto Summary, IReadOnlyList<IndicatorTrackDto> Indicators, IReadOnlyList<string> Ambitions)
{
    public static FrameworkProgressDto From(FrameworkProgressView view) => new(
        FrameworkDto.From(view.Heading),
        view.ReportedYears,
        new ProgressCountsDto(view.Summary.Green, view.Summary.Yellow, view.Summary.Red, view.Summary.Grey),
        view.Indicators.Select(Track).ToList(),
        view.Ambitions.Select(a => Localization.Pick(a.TextEn, a.TextZh)).ToList());

    private static IndicatorTrackDto Track(IndicatorTrack track)
    {
        var latest = track.Latest;
        var score = track.Progress.Score;
        return new IndicatorTrackDto(
            latest.Key,
            latest.Code,
            latest.Title,
            Words.Unit(latest.Unit),
            Words.Direction(latest.Direction),
            latest.IsCumulative,
            track.Years.Select(y => new TrackYearDto(y.Figures.Year, y.Figures.Milestone.WithoutTrailingZeros(), y.Figures.Result.WithoutTrailingZeros(), y.Score.PercentToTwoDecimals.WithoutTrailingZeros(), y.Score.WholePercent, Words.Rating(y.Rating))).ToList(),
            track.Progress.TargetYear,
            track.Progress.EndTarget.WithoutTrailingZeros(),
            track.Progress.LatestYear,
            track.Progress.Latest.WithoutTrailingZeros(),
            score.PercentToTwoDecimals.WithoutTrailingZeros(),
            score.WholePercent,
            Words.Rating(score.Rating),
            track.Reviews.Select(r => new ReviewDto(r.FromYear, r.ToYear, r.PublishedPercent, r.Computed?.WholePercent, r.Differs, r.Source)).ToList());
    }
}
