using Microsoft.AspNetCore.Http.HttpResults;
using UnvReporting.Web.Features.Staff;

namespace UnvReporting.Web.Features.Indicators;

/// <summary>
/// The public, read-only JSON API: published years, their colour summaries and their scored
/// indicators, from the same queries and the same scoring as the pages (docs/api.md). A staff
/// token (<see cref="StaffApi"/>) also shows draft and submitted years, and an indicator-year's
/// version for a later edit; without one the answers are exactly the public ones.
/// </summary>
public static class ResultsApi
{
    public static IEndpointRouteBuilder MapResultsApiV1(this IEndpointRouteBuilder app)
    {
        var api = app.MapPublicReads("Results");

        api.MapRead("/years", GetYears, "getYears",
            "Reporting years",
            "The published reporting years, oldest first (with a staff token: every year, with its status).");
        api.MapRead("/years/{year}/summary", GetSummary, "getSummary",
            "Colour summary of a year",
            "A published year's colour counts, overall and per outcome, beside the counts the report states.");
        api.MapRead("/years/{year}/indicators", GetYearIndicators, "getYearIndicators",
            "Indicators of a year",
            "A published year's indicators with milestone, result, score, colour and flags, in report order.");
        api.MapRead("/years/{year}/indicators/{key}", GetIndicatorYear, "getIndicatorYear",
            "One indicator in one year",
            "One indicator in one published year, with narrative and source; with a staff token also unpublished years, the year's status and the version to send with an edit.");
        api.MapRead("/indicators/{key}", GetIndicator, "getIndicator",
            "One indicator across the years",
            "One indicator in every published year.");
        return app;
    }

    private static async Task<Ok<List<YearDto>>> GetYears(HttpContext context, UnvDbContext db, CancellationToken cancellationToken)
    {
        var years = await db.VisibleYearsAsync(await StaffReader.VisibilityAsync(context), cancellationToken);
        return TypedResults.Ok(years.Select(y => new YearDto(y.Year, y.Framework, Words.Status(y.Status))).ToList());
    }

    private static async Task<Results<Ok<SummaryDto>, ProblemHttpResult>> GetSummary(int year, HttpContext context, UnvDbContext db, CancellationToken cancellationToken)
    {
        if (ApiProblems.CheckYear(year) is { } invalid)
        {
            return invalid;
        }

        var visibility = await StaffReader.VisibilityAsync(context);
        var table = await db.LoadYearTableAsync(year, cancellationToken, visibility);
        return table is null ? UnknownYear(year, visibility) : TypedResults.Ok(SummaryDto.From(table));
    }

    private static async Task<Results<Ok<List<IndicatorYearDto>>, ProblemHttpResult>> GetYearIndicators(int year, HttpContext context, UnvDbContext db, CancellationToken cancellationToken)
    {
        if (ApiProblems.CheckYear(year) is { } invalid)
        {
            return invalid;
        }

        var visibility = await StaffReader.VisibilityAsync(context);
        var table = await db.LoadYearTableAsync(year, cancellationToken, visibility);
        return table is null ? UnknownYear(year, visibility) : TypedResults.Ok(table.Indicators.Select(IndicatorYearDto.From).ToList());
    }

    private static async Task<Results<Ok<IndicatorYearDetailDto>, ProblemHttpResult>> GetIndicatorYear(
        int year, string key, HttpContext context, UnvDbContext db, CancellationToken cancellationToken)
    {
        if (ApiProblems.CheckYear(year) is { } invalidYear)
        {
            return invalidYear;
        }

        if (CheckKey(key, out var normalized) is { } invalidKey)
        {
            return invalidKey;
        }

        var visibility = await StaffReader.VisibilityAsync(context);
        var history = await db.LoadIndicatorHistoryAsync(normalized!, cancellationToken, visibility);
        if (history.Count == 0)
        {
            return UnknownKey(normalized!, visibility);
        }

        var item = history.FirstOrDefault(h => h.Figures.Year == year);
        if (item is null)
        {
            return UnknownIndicatorYear(year, normalized!, visibility);
        }

        // Declared as the public shape, so the OpenAPI document describes what every reader gets;
        // the staff shape (its schema is the PUT's answer) is written by its runtime type.
        return TypedResults.Ok(visibility == YearVisibility.Everything ? new StaffIndicatorYearDto(item) : new IndicatorYearDetailDto(item));
    }

    private static async Task<Results<Ok<IndicatorHistoryDto>, ProblemHttpResult>> GetIndicator(string key, HttpContext context, UnvDbContext db, CancellationToken cancellationToken)
    {
        if (CheckKey(key, out var normalized) is { } invalid)
        {
            return invalid;
        }

        var visibility = await StaffReader.VisibilityAsync(context);
        var history = await db.LoadIndicatorHistoryAsync(normalized!, cancellationToken, visibility);
        return history.Count == 0
            ? UnknownKey(normalized!, visibility)
            : TypedResults.Ok(new IndicatorHistoryDto(normalized!, history.Select(h => new IndicatorYearDetailDto(h)).ToList()));
    }

    internal static ProblemHttpResult? CheckKey(string key, out string? normalized) =>
        IndicatorKey.TryNormalize(key, out normalized)
            ? null
            : ApiProblems.Problem(StatusCodes.Status400BadRequest, "Invalid indicator code", "An indicator code looks like 1.1, 2.1.1a or 2.1.1.a.");

    private static ProblemHttpResult UnknownYear(int year, YearVisibility visibility) =>
        ApiProblems.Problem(StatusCodes.Status404NotFound, "No such year", visibility == YearVisibility.Everything
            ? $"{year} is not a reporting year."
            : $"{year} is not a published reporting year.");

    private static ProblemHttpResult UnknownKey(string key, YearVisibility visibility) =>
        ApiProblems.Problem(StatusCodes.Status404NotFound, "No such indicator", visibility == YearVisibility.Everything
            ? $"No reporting year has an indicator {key}."
            : $"No published year has an indicator {key}.");

    internal static ProblemHttpResult UnknownIndicatorYear(int year, string key, YearVisibility visibility) =>
        ApiProblems.Problem(StatusCodes.Status404NotFound, "No such indicator-year", visibility == YearVisibility.Everything
            ? $"Indicator {key} is not part of year {year}."
            : $"Indicator {key} has no published figures for {year}.");
}
