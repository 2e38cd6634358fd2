namespace UnvReporting.Web.Features.Staff.Years.Import;

/// <summary>
/// Reads an uploaded file and applies it to the year's tracked entities, producing the
/// <see cref="ImportPlan"/> the preview shows and the confirmation saves. The upload page, the
/// preview and the confirmation all go through here, so the file is judged the same way each time.
/// </summary>
public sealed class SpreadsheetImport(UnvDbContext db, IOptions<ImportLimits> options, IStringLocalizer<SharedResource> text)
{
    public ImportLimits Limits => options.Value;

    /// <summary>Reads the upload into memory, refusing it once it passes the size cap (whatever its declared length).</summary>
    public async Task<byte[]> ReadUploadAsync(IFormFile file, CancellationToken cancellationToken)
    {
        if (file.Length > Limits.MaxUploadBytes)
        {
            throw TooLarge();
        }

        await using var input = file.OpenReadStream();
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await input.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > Limits.MaxUploadBytes)
            {
                throw TooLarge();
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>
    /// Keeps a previewed upload until its confirmation, dropping uploads never confirmed within a
    /// day. (SQLite cannot compare DateTimeOffset in SQL, hence the stale ones are found in memory.)
    /// </summary>
    public async Task KeepAsync(PendingImport pending, CancellationToken cancellationToken)
    {
        var uploads = await db.PendingImports.AsNoTracking().Select(p => new { p.Id, p.UploadedAt }).ToListAsync(cancellationToken);
        var stale = uploads.Where(p => p.UploadedAt < pending.UploadedAt.AddDays(-1)).Select(p => p.Id).ToList();
        if (stale.Count > 0)
        {
            await db.PendingImports.Where(p => stale.Contains(p.Id)).ExecuteDeleteAsync(cancellationToken);
        }

        pending.Id = Guid.NewGuid();
        pending.FileName = pending.FileName.Length > 200 ? pending.FileName[..200] : pending.FileName;
        db.PendingImports.Add(pending);
        await db.SaveChangesAsync(cancellationToken);
    }

    public SpreadsheetRefusedException TooLarge() =>
        new($"The file is larger than {Limits.MaxUploadBytes / 1024:N0} KB, the most an import accepts. Split it, or leave out what does not change.");

    /// <summary>
    /// The changes and errors of a file for a year, applied to tracked entities (save them, or clear
    /// the change tracker). Throws <see cref="SpreadsheetRefusedException"/> for a file refused whole.
    /// </summary>
    public async Task<ImportPlan> PlanAsync(int year, byte[] content, string format, CancellationToken cancellationToken)
    {
        var sheets = SpreadsheetReader.Read(content, format, Limits);
        Sheet? indicators = null;
        Sheet? statistics = null;
        foreach (var sheet in sheets)
        {
            if (SheetFields.HasColumn(sheet, "Key"))
            {
                indicators = indicators is null ? sheet : throw TwoSheets(IndicatorSheet.Name);
            }
            else if (SheetFields.HasColumn(sheet, "Metric"))
            {
                statistics = statistics is null ? sheet : throw TwoSheets(StatisticsSheet.Name);
            }
            else
            {
                throw new SpreadsheetRefusedException(
                    $"Sheet '{sheet.Name}' is neither the indicator sheet (columns {string.Join(", ", IndicatorSheet.Columns)}) nor the statistics sheet (columns {string.Join(", ", StatisticsSheet.Columns)}).");
            }
        }

        if (indicators is null && statistics is null)
        {
            throw new SpreadsheetRefusedException("The file has no header row. Download the template for the layout.");
        }

        var plan = new ImportPlan();
        if (indicators is not null)
        {
            await IndicatorSheet.ApplyAsync(db, year, indicators, plan, text, cancellationToken);
        }

        if (statistics is not null)
        {
            await StatisticsSheet.ApplyAsync(db, year, statistics, plan, text, cancellationToken);
        }

        return plan;
    }

    /// <summary>The plan of a file, for showing only: its changes are dropped from the change tracker again.</summary>
    public async Task<ImportPlan> PreviewAsync(int year, byte[] content, string format, CancellationToken cancellationToken)
    {
        try
        {
            var plan = await PlanAsync(year, content, format, cancellationToken);
            var printed = await YearChange.PrintedRowsAsync(db, cancellationToken);
            plan.PrintedIn = printed.Count > 0 ? printed[0].Symbol : null;
            return plan;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    private static SpreadsheetRefusedException TwoSheets(string name) =>
        new($"The workbook has two {name.ToLowerInvariant()} sheets; keep one.");
}
