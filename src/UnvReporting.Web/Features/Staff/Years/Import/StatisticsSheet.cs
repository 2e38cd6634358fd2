using UnvReporting.Domain.Sources;

namespace UnvReporting.Web.Features.Staff.Years.Import;

/// <summary>
/// The statistics sheet: one row per fact of the year, identified by metric, dimension and member.
/// A row matching a stored fact corrects it; any other row adds a fact. Facts absent from the file
/// stay as they are: an import never deletes a figure.
/// </summary>
public static class StatisticsSheet
{
    public const string Name = "Statistics";

    public static readonly IReadOnlyList<string> Columns = ["Metric", "Dimension", "Member", "Value", "Qualifier", "Source", "Note", "Version"];

    // A file written by hand for new figures may leave out Version; correcting a stored figure needs it.
    private static readonly IReadOnlyList<string> Required = ["Metric", "Dimension", "Member", "Value", "Qualifier", "Source", "Note"];

    public static async Task ApplyAsync(UnvDbContext db, int year, Sheet sheet, ImportPlan plan, IStringLocalizer<SharedResource> text, CancellationToken cancellationToken)
    {
        var columns = SheetFields.Map(sheet, Name, Columns, Required, text);
        var metrics = await db.Metrics.AsNoTracking().ToDictionaryAsync(m => m.Key, cancellationToken);
        var members = (await db.DimensionMembers.AsNoTracking().ToListAsync(cancellationToken)).ToLookup(m => m.DimensionKey);
        // By key, not a scan per row: a file of 50,000 rows against a year of 50,000 facts would
        // otherwise compare 2.5 billion pairs.
        var facts = (await db.StatisticFacts.Where(f => f.Year == year).ToListAsync(cancellationToken))
            .ToDictionary(f => (f.MetricKey, f.Dimension, f.Member));
        var seen = new Dictionary<(string, string?, string?), int>();
        foreach (var row in sheet.Rows)
        {
            plan.RowsRead++;
            var errorsBefore = plan.Errors.Count;
            void Error(string column, string message) => plan.Errors.Add(new ImportError(sheet.Name, row.Number, column, message));

            var metricText = row.Text(columns, "Metric");
            if (metricText is null || !metrics.TryGetValue(metricText.ToLowerInvariant(), out var metric))
            {
                Error("Metric", metricText is null ? text["Metric is required, such as volunteers_deployed."] : text["Unknown metric '{0}'.", metricText]);
                continue;
            }

            var breakdown = Breakdown(row.Text(columns, "Dimension"), row.Text(columns, "Member"), members, Error, text);
            if (plan.Errors.Count > errorsBefore)
            {
                continue;
            }

            var subject = breakdown is null ? metric.Key : $"{metric.Key} ({breakdown.DimensionKey}: {breakdown.Key})";
            if (!seen.TryAdd((metric.Key, breakdown?.DimensionKey, breakdown?.Key), row.Number))
            {
                Error("Metric", text["{0} appears twice (also row {1}).", subject, seen[(metric.Key, breakdown?.DimensionKey, breakdown?.Key)]]);
                continue;
            }

            decimal? value = null;
            if (row.Text(columns, "Value") is null)
            {
                Error("Value", text["Value is required; an import adds and corrects figures but never removes one."]);
            }
            else if (!SheetFields.TryFigure(row[columns["Value"]], metric.Unit, "Value", out value, out var valueError))
            {
                Error("Value", text.Say(valueError));
            }

            var qualifierText = row.Text(columns, "Qualifier");
            var qualifier = qualifierText is null
                ? Qualifier.Exact
                : Enum.GetValues<Qualifier>().Cast<Qualifier?>().FirstOrDefault(q => q.ToString()!.Equals(qualifierText, StringComparison.OrdinalIgnoreCase));
            if (qualifier is null)
            {
                Error("Qualifier", text["Qualifier '{0}' is not one of {1}.", qualifierText!, string.Join(", ", Enum.GetNames<Qualifier>())]);
            }

            var source = SourceReference.EnteredHere;
            if (row.Text(columns, "Source") is { } sourceText)
            {
                try
                {
                    source = SourceReference.Parse(sourceText);
                }
                catch (DomainException exception)
                {
                    Error("Source", text.Say(exception));
                }
            }

            if (plan.Errors.Count > errorsBefore)
            {
                continue;
            }

            var note = row.Text(columns, "Note");
            var existing = facts.GetValueOrDefault((metric.Key, breakdown?.DimensionKey, breakdown?.Key));
            try
            {
                if (existing is null)
                {
                    var fact = new StatisticFact(year, metric, breakdown, value!.Value, qualifier!.Value, source, note);
                    db.StatisticFacts.Add(fact);
                    facts.Add((fact.MetricKey, fact.Dimension, fact.Member), fact);
                    plan.Changes.Add(new ImportChange(sheet.Name, row.Number, subject, text["New figure"], null, $"{SheetFields.Show(fact.Value)} ({fact.Qualifier}, {fact.Source})"));
                    continue;
                }

                // As on the indicator sheet: a correction states the version it was read at, so a
                // figure someone changed after the template was made is refused, not overwritten.
                // An unchanged row is harmless whatever its version.
                var unchanged = existing.Value == value && existing.Qualifier == qualifier && existing.Source == source && existing.Note == note;
                var version = columns.ContainsKey("Version") ? row.Text(columns, "Version") : null;
                var entry = db.Entry(existing);
                if (!unchanged && (version != ConcurrencyVersion.Of(entry) || !ConcurrencyVersion.Expect(entry, version)))
                {
                    Error("Version", version is null
                        ? text["{0} already has a figure in {1}; to correct it, use a fresh template, which carries its Version.", subject, year]
                        : text["{0} changed since the template was downloaded; download a fresh template.", subject]);
                    continue;
                }

                var before = (existing.Value, existing.Qualifier, existing.Source, existing.Note);
                existing.Correct(metric, value!.Value, qualifier!.Value, source, note);
                void Compare(string field, string? old, string? now)
                {
                    if (old != now)
                    {
                        plan.Changes.Add(new ImportChange(sheet.Name, row.Number, subject, field, old, now));
                    }
                }

                Compare("Value", SheetFields.Show(before.Value), SheetFields.Show(existing.Value));
                Compare("Qualifier", before.Qualifier.ToString(), existing.Qualifier.ToString());
                Compare("Source", before.Source.ToString(), existing.Source.ToString());
                Compare("Note", before.Note, existing.Note);
            }
            catch (DomainException exception)
            {
                Error(exception.Field == nameof(StatisticFact.Note) ? "Note" : "Value", text.Say(exception));
            }
        }
    }

    private static DimensionMember? Breakdown(string? dimension, string? member, ILookup<string, DimensionMember> members, Action<string, string> error, IStringLocalizer<SharedResource> text)
    {
        if (dimension is null && member is null)
        {
            return null;
        }

        if (dimension is null || member is null)
        {
            error(dimension is null ? "Dimension" : "Member", text["A breakdown needs both a dimension and a member; leave both empty for the total."]);
            return null;
        }

        var ofDimension = members[dimension.ToLowerInvariant()].ToList();
        if (ofDimension.Count == 0)
        {
            error("Dimension", text["Unknown dimension '{0}'.", dimension]);
            return null;
        }

        var found = ofDimension.FirstOrDefault(m => m.Key.Equals(member, StringComparison.OrdinalIgnoreCase));
        if (found is null)
        {
            error("Member", text["Dimension {0} has no member '{1}'.", dimension.ToLowerInvariant(), member]);
        }

        return found;
    }
}
