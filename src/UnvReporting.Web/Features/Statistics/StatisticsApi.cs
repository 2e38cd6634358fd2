using Microsoft.AspNetCore.Http.HttpResults;
using UnvReporting.Web.Features.Indicators;

namespace UnvReporting.Web.Features.Statistics;

/// <summary>A statistic fact in the API: <c>{"metric":"volunteers_deployed","dimension":null,"member":null,"value":8282,"unit":"count",...}</c>.</summary>
public sealed record StatisticDto(int Year, string Metric, string? Dimension, string? Member, decimal Value, string Unit, string Qualifier, string Source, string? Note)
{
    public static StatisticDto From(StatisticRow row) => new(
        row.Year, row.Metric, row.Dimension, row.Member, row.Value.WithoutTrailingZeros(),
        Words.Unit(row.Unit), Words.Qualifier(row.Qualifier), row.Source, row.Note);
}

/// <summary>A metric across the years that have it, with its breakdowns.</summary>
public sealed record MetricHistoryDto(string Metric, string Name, string Unit, IReadOnlyList<StatisticDto> Facts);

/// <summary>
/// The yearly volunteer statistics as tidy facts (docs/api.md; metric keys in
/// docs/data-model.md). Visitors see the facts of published years and every figure a published
/// report prints, whatever its year (comparisons, history); a staff token sees all.
/// </summary>
public static class StatisticsApi
{
    public static IEndpointRouteBuilder MapStatisticsApiV1(this IEndpointRouteBuilder app)
    {
        var api = app.MapPublicReads("Statistics");

        api.MapRead("/years/{year}/statistics", GetYearStatistics, "getYearStatistics",
            "Statistics of a year",
            "Every statistic fact of a year: metric, breakdown (dimension and member), value, unit, qualifier, source.");
        api.MapRead("/statistics/{metric}", GetMetric, "getMetric",
            "One statistic across the years",
            "One metric in every year that has it, with its breakdowns, oldest first.");
        return app;
    }

    private static async Task<Results<Ok<List<StatisticDto>>, ProblemHttpResult>> GetYearStatistics(int year, HttpContext context, UnvDbContext db, CancellationToken cancellationToken)
    {
        if (ApiProblems.CheckYear(year) is { } invalid)
        {
            return invalid;
        }

        var visibility = await StaffReader.VisibilityAsync(context);
        if (!await db.HasVisibleStatisticsYearAsync(year, visibility, cancellationToken))
        {
            return ApiProblems.Problem(StatusCodes.Status404NotFound, "Unknown year", $"There are no statistics for {year}.");
        }

        var rows = await db.StatisticsOfYearAsync(year, visibility, cancellationToken);
        return TypedResults.Ok(rows.Select(StatisticDto.From).ToList());
    }

    private static async Task<Results<Ok<MetricHistoryDto>, ProblemHttpResult>> GetMetric(string metric, HttpContext context, UnvDbContext db, CancellationToken cancellationToken)
    {
        string key;
        try
        {
            key = Metric.CheckKey(metric, $"Metric key");
        }
        catch (Domain.DomainException exception)
        {
            return ApiProblems.Problem(StatusCodes.Status400BadRequest, "Malformed metric key", exception.Message);
        }

        var definition = await db.Metrics.AsNoTracking().Where(m => m.Key == key).Select(m => new { m.NameEn, m.NameZh, m.Unit }).SingleOrDefaultAsync(cancellationToken);
        if (definition is null)
        {
            return ApiProblems.Problem(StatusCodes.Status404NotFound, "Unknown metric", $"There is no metric '{key}'. The metric keys are listed in docs/data-model.md.");
        }

        var rows = await db.StatisticsOfMetricAsync(key, await StaffReader.VisibilityAsync(context), cancellationToken);
        return TypedResults.Ok(new MetricHistoryDto(key, Localization.Pick(definition.NameEn, definition.NameZh), Words.Unit(definition.Unit), rows.Select(StatisticDto.From).ToList()));
    }
}
