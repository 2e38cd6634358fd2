using UnvReporting.Domain.Sources;

namespace UnvReporting.Web.Platform.Data.ReferenceData;

/// <summary>
/// Loads the reference data file into an empty database, in one transaction. A database that
/// already holds frameworks, metrics or source documents is left exactly as it is: staff edits
/// are never overwritten and nothing is loaded twice.
/// </summary>
internal sealed class ReferenceDataLoader(UnvDbContext db, TimeProvider clock, ILogger<ReferenceDataLoader> logger)
{
    /// <summary>
    /// Loads the file embedded in the app into an empty database. Parsing the file takes a good
    /// part of a second, so a start-up on a database that holds data only hashes it.
    /// </summary>
    public async Task LoadEmbeddedAsync(CancellationToken cancellationToken)
    {
        if (await HoldsDataAsync(cancellationToken))
        {
            logger.LogInformation("Reference data not loaded: the database already holds data");
            await WarnIfFileChangedAsync(ReferenceDataFile.EmbeddedSha256(), cancellationToken);
            return;
        }

        await LoadAsync(ReferenceDataFile.Read(), cancellationToken);
    }

    public async Task LoadAsync(ReferenceDataFile file, CancellationToken cancellationToken)
    {
        if (await HoldsDataAsync(cancellationToken))
        {
            logger.LogInformation("Reference data not loaded: the database already holds data");
            await WarnIfFileChangedAsync(file.Sha256, cancellationToken);
            return;
        }

        try
        {
            // Npgsql retries on transient faults; a transaction we open must run inside the strategy.
            var strategy = db.Database.CreateExecutionStrategy();
            await strategy.ExecuteAsync(async () =>
            {
                db.ChangeTracker.Clear();
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                await WriteAsync(file, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            });
        }
        catch (DbUpdateException)
        {
            // Another instance starting on the same empty database may have loaded it first
            // (the unique indexes refuse the second copy); if so, its copy stands.
            db.ChangeTracker.Clear();
            if (!await HoldsDataAsync(cancellationToken))
            {
                throw;
            }

            logger.LogInformation("Reference data loaded concurrently by another instance");
            return;
        }

        logger.LogInformation(
            "Reference data loaded: {Years} reporting years, {IndicatorYears} indicator-years, {Facts} statistic facts",
            file.ReportingYears.Count,
            file.ReportingYears.Sum(y => y.Indicators.Count),
            file.Statistics.Count);
    }

    // The file is only ever loaded into an empty database; a file corrected since then does not
    // reach this database by itself, so say so rather than let the difference go unnoticed.
    private async Task WarnIfFileChangedAsync(string fileSha256, CancellationToken cancellationToken)
    {
        var last = await db.ReferenceDataLoads.AsNoTracking()
            .OrderByDescending(l => l.Id)
            .FirstOrDefaultAsync(cancellationToken);
        if (last is not null && last.Sha256 != fileSha256)
        {
            logger.LogWarning(
                "The reference data file shipped with this version ({FileSha256}) differs from the one loaded on {LoadedAt:yyyy-MM-dd} ({LoadedSha256}). "
                + "An existing database is never reloaded: apply corrections through staff entry",
                fileSha256,
                last.LoadedAt,
                last.Sha256);
        }
    }

    private async Task<bool> HoldsDataAsync(CancellationToken cancellationToken) =>
        await db.Frameworks.AnyAsync(cancellationToken)
        || await db.Metrics.AnyAsync(cancellationToken)
        || await db.SourceDocuments.AnyAsync(cancellationToken);

    private async Task WriteAsync(ReferenceDataFile file, CancellationToken cancellationToken)
    {
        db.SourceDocuments.AddRange(file.SourceDocuments.Select(d =>
            new SourceDocument(d.Symbol, d.TitleEn, d.TitleZh, d.Session, d.IssuedOn, d.Edition)));

        var frameworks = file.Frameworks.ToDictionary(
            f => f.Code,
            f => new StrategicFramework(f.StartYear, f.EndYear, f.Document, new RatingBands(f.GreenFrom, f.YellowFrom)));
        db.Frameworks.AddRange(frameworks.Values);

        var members = new Dictionary<(string Dimension, string Member), DimensionMember>();
        foreach (var entry in file.Dimensions)
        {
            var dimension = new Dimension(entry.Key, entry.NameEn, entry.NameZh);
            foreach (var member in entry.Members)
            {
                members.Add((dimension.Key, member.Key), dimension.AddMember(member.Key, member.NameEn, member.NameZh));
            }

            db.Dimensions.Add(dimension);
        }

        var metrics = file.Metrics.ToDictionary(m => m.Key, m => new Metric(m.Key, m.Unit, m.NameEn, m.NameZh, m.DescriptionEn));
        db.Metrics.AddRange(metrics.Values);

        // Frameworks need their ids before areas and indicators can name them.
        await db.SaveReferenceDataAsync(cancellationToken);

        var indicators = new Dictionary<(string Framework, string Key), Indicator>();
        foreach (var entry in file.Frameworks)
        {
            var framework = frameworks[entry.Code];
            AddFrameworkContent(entry, framework, indicators);
        }

        foreach (var entry in file.ReportingYears)
        {
            AddReportingYear(entry, Lookup(frameworks, entry.Framework, $"Year {entry.Year}'s framework"), indicators);
        }

        foreach (var entry in file.Statistics)
        {
            var breakdown = entry.Dimension is null && entry.Member is null
                ? null
                : Lookup(members, (entry.Dimension ?? string.Empty, entry.Member ?? string.Empty), $"Breakdown of {entry.Metric} {entry.Year}");
            db.StatisticFacts.Add(new StatisticFact(
                entry.Year,
                Lookup(metrics, entry.Metric, $"Metric of a {entry.Year} fact"),
                breakdown,
                entry.Value,
                entry.Qualifier,
                SourceReference.Parse(entry.Source),
                entry.Note));
        }

        db.ReferenceDataLoads.Add(new ReferenceDataLoad(file.Sha256, clock.GetUtcNow()));
        await db.SaveReferenceDataAsync(cancellationToken);
    }

    private void AddFrameworkContent(FrameworkEntry entry, StrategicFramework framework, Dictionary<(string, string), Indicator> indicators)
    {
        var areas = new Dictionary<string, ResultArea>();
        foreach (var (area, order) in entry.ResultAreas.Select((a, i) => (a, i)))
        {
            var parent = area.Parent is null ? null : Lookup(areas, area.Parent, $"Parent of result area {area.Code}");
            areas.Add(area.Code, new ResultArea(framework.Id, area.Code, area.Kind, parent, area.TitleEn, area.TitleZh, order));
        }

        db.ResultAreas.AddRange(areas.Values);

        foreach (var (indicator, order) in entry.Indicators.Select((x, i) => (x, i)))
        {
            var created = new Indicator(framework.Id, indicator.Key, Lookup(areas, indicator.Area, $"Area of indicator {indicator.Key}"), order);
            indicators.Add((entry.Code, indicator.Key), created);
            db.Indicators.Add(created);
        }

        foreach (var achievement in entry.CumulativeAchievements)
        {
            db.CumulativeAchievements.Add(new CumulativeAchievement(
                Lookup(indicators, (entry.Code, achievement.Indicator), "Indicator of a cumulative achievement"),
                achievement.FromYear,
                achievement.ToYear,
                achievement.PercentOfTarget,
                SourceReference.Parse(achievement.Source)));
        }

        foreach (var (ambition, order) in entry.Ambitions.Select((a, i) => (a, i)))
        {
            db.FrameworkAmbitions.Add(new FrameworkAmbition(
                framework.Id, order, ambition.TextEn, ambition.TextZh, ambition.TargetPercent, SourceReference.Parse(ambition.Source)));
        }
    }

    private void AddReportingYear(ReportingYearEntry entry, StrategicFramework framework, Dictionary<(string, string), Indicator> indicators)
    {
        var summary = entry.StatedSummary;
        db.ReportingYears.Add(new ReportingYear(
            framework,
            entry.Year,
            entry.Status,
            entry.Document,
            new StatedSummary(summary.Green, summary.Yellow, summary.Red, summary.Grey, summary.Locator)));

        foreach (var row in entry.Indicators)
        {
            var indicator = Lookup(indicators, (framework.Code, IndicatorKey.Normalize(row.Code)), $"Indicator {row.Code} of {entry.Year}");
            var indicatorYear = new IndicatorYear(
                indicator,
                entry.Year,
                row.Code,
                new IndicatorDefinition(row.TitleEn, row.TitleZh, row.Unit, row.Cumulative, row.Direction),
                row.Milestone,
                row.Result,
                SourceReference.Parse(row.Source));
            indicatorYear.RecordPublished(row.PublishedScore, row.PublishedRating, row.RatingBasis);
            indicatorYear.Describe(row.NarrativeEn, row.NarrativeZh, row.Note);
            db.IndicatorYears.Add(indicatorYear);
        }
    }

    private static TValue Lookup<TKey, TValue>(Dictionary<TKey, TValue> map, TKey key, string what)
        where TKey : notnull =>
        map.TryGetValue(key, out var value)
            ? value
            : throw new InvalidDataException($"{what}: '{key}' is not defined in the reference data file.");
}
