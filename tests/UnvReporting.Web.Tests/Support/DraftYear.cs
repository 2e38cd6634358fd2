using Microsoft.EntityFrameworkCore;
using UnvReporting.Domain;
using UnvReporting.Domain.Reporting;
using UnvReporting.Domain.Results;
using UnvReporting.Domain.Sources;
using UnvReporting.Testing;
using UnvReporting.Web.Platform.Data;
using UnvReporting.Web.Platform.Data.Auditing;

namespace UnvReporting.Web.Tests.Support;

/// <summary>A year that is being entered and is not public yet: 2020 of the 2018-2021 framework, with figures for indicator 1.1.</summary>
public static class DraftYear
{
    public const int Year = 2020;

    public const string IndicatorKey = "1.1";

    public const string Title = "Draft title that no visitor may see";

    /// <summary>The publication check the year passes: its one indicator has a milestone and a result.</summary>
    public static PublicationCheck Check => PublicationCheck.Of(Year, [new PublicationRow(IndicatorKey, 50, 40, null)]);

    public static Task AddAsync(TestApp app) =>
        app.Services.SaveAsync(async db =>
        {
            var framework = await db.Frameworks.SingleAsync(f => f.Code == "2018-2021");
            var indicator = await db.Indicators.SingleAsync(i => i.FrameworkId == framework.Id && i.Key == IndicatorKey);
            db.ReportingYears.Add(new ReportingYear(framework, Year, ReportingStatus.Draft, null, null));
            db.IndicatorYears.Add(new IndicatorYear(
                indicator, Year, IndicatorKey, new IndicatorDefinition(Title, "草稿标题", Unit.Percent, false, Direction.HigherIsBetter),
                50, 40, new SourceReference("DP/2021/1", "draft table")));
        });

    /// <summary>The draft year with its one indicator's result taken out: a gap that keeps it from submission.</summary>
    public static async Task AddLackingAResultAsync(TestApp app)
    {
        await AddAsync(app);
        await using var scope = app.CreateDbScope();
        var row = await scope.Db.IndicatorYears.SingleAsync(iy => iy.Year == Year);
        row.SetFigures(50, null);
        await scope.Db.SaveAuditedAsync(StaffActor.System, null, DateTimeOffset.UtcNow);
    }
}
