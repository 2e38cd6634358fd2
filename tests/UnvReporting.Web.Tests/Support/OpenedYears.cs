using Microsoft.EntityFrameworkCore;
using UnvReporting.Domain;
using UnvReporting.Domain.Reporting;
using UnvReporting.Domain.Results;
using UnvReporting.Domain.Sources;
using UnvReporting.Domain.Statistics;
using UnvReporting.Testing;

namespace UnvReporting.Web.Tests.Support;

/// <summary>
/// A reporting year a test opens in a given status, with figures entered here (source
/// <see cref="SourceReference.EnteredHere"/>, printed in no report): indicator
/// <see cref="Key"/> and a total of volunteers deployed. In a framework without indicators (the
/// 2022-2025 one) the indicator and its outcome are made first, as an Admin would.
/// </summary>
public static class OpenedYears
{
    public const string Key = "1.1";

    public const string Metric = "volunteers_deployed";

    /// <summary>The entered total of volunteers: a number no report prints, so that a visitor seeing it shows a leak.</summary>
    public const decimal Volunteers = 7777;

    public const string Title = "Entered title that no visitor may see before publication";

    public static Task AddAsync(TestApp app, int year, ReportingStatus status, bool indicators = true, bool statistics = true) =>
        app.Services.SaveAsync(async db =>
        {
            var framework = await db.Frameworks.SingleAsync(f => f.StartYear <= year && f.EndYear >= year);
            db.ReportingYears.Add(new ReportingYear(framework, year, status, null, null));
            if (indicators)
            {
                var indicator = await db.Indicators.SingleOrDefaultAsync(i => i.FrameworkId == framework.Id && i.Key == Key);
                if (indicator is null)
                {
                    var area = new ResultArea(framework.Id, "1", ResultAreaKind.Outcome, null, "Outcome one", "成果一", 1);
                    indicator = new Indicator(framework.Id, Key, area, 1);
                    db.ResultAreas.Add(area);
                    db.Indicators.Add(indicator);
                }

                db.IndicatorYears.Add(new IndicatorYear(
                    indicator, year, Key, new IndicatorDefinition(Title, "录入标题", Unit.Percent, false, Direction.HigherIsBetter),
                    50, 40, SourceReference.EnteredHere));
            }

            if (statistics)
            {
                var metric = await db.Metrics.SingleAsync(m => m.Key == Metric);
                db.StatisticFacts.Add(new StatisticFact(year, metric, null, Volunteers, Qualifier.Exact, SourceReference.EnteredHere, null));
            }
        });
}
