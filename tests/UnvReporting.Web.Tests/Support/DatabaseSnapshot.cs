using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using UnvReporting.Web.Platform.Data;

namespace UnvReporting.Web.Tests.Support;

/// <summary>
/// Every row of every domain table, the audit trail, pending imports and staff accounts as one
/// string, in a fixed order, so two states of a database can be compared exactly: equal
/// snapshots mean nothing was added, removed or changed.
/// </summary>
public static class DatabaseSnapshot
{
    /// <summary>
    /// The number of rows in every table the model maps (Identity's included), in one query: a
    /// cheap check to run after each request, where the full snapshot runs once per field.
    /// </summary>
    public static async Task<string> RowCountsAsync(UnvDbContext db)
    {
        var tables = db.Model.GetEntityTypes()
            .Select(t => t.GetTableName())
            .OfType<string>()
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();
        var sql = "SELECT " + string.Join(" || ',' || ", tables.Select(t => $"'{t}=' || (SELECT COUNT(*) FROM \"{t}\")")) + " AS \"Value\"";
        return await db.Database.SqlQueryRaw<string>(sql).SingleAsync();
    }

    public static async Task<string> TakeAsync(UnvDbContext db)
    {
        var content = new
        {
            Documents = await db.SourceDocuments.AsNoTracking().OrderBy(d => d.Symbol).ToListAsync(),
            Frameworks = await db.Frameworks.AsNoTracking().OrderBy(f => f.Id)
                .Select(f => new { f.Id, f.Code, f.DocumentSymbol, f.Bands.GreenFrom, f.Bands.YellowFrom }).ToListAsync(),
            Ambitions = await db.FrameworkAmbitions.AsNoTracking().OrderBy(a => a.Id).ToListAsync(),
            Areas = await db.ResultAreas.AsNoTracking().OrderBy(a => a.Id)
                .Select(a => new { a.Id, a.FrameworkId, a.Code, a.Kind, a.ParentId, a.TitleEn, a.TitleZh, a.SortOrder }).ToListAsync(),
            Indicators = await db.Indicators.AsNoTracking().OrderBy(i => i.Id)
                .Select(i => new { i.Id, i.FrameworkId, i.Key, i.AreaId, i.SortOrder }).ToListAsync(),
            Years = await db.ReportingYears.AsNoTracking().OrderBy(y => y.Year)
                .Select(y => new { y.Year, y.FrameworkId, y.Status, y.DocumentSymbol, y.StatedSummary }).ToListAsync(),
            IndicatorYears = await db.IndicatorYears.AsNoTracking().OrderBy(y => y.Id)
                .Select(y => new
                {
                    y.Id, y.IndicatorId, y.Year, y.CodeAsPublished, y.Definition, y.Milestone, y.Result,
                    y.PublishedScorePercent, y.PublishedRating, y.PublishedRatingBasis, y.Source, y.NarrativeEn, y.NarrativeZh, y.Note,
                }).ToListAsync(),
            Achievements = await db.CumulativeAchievements.AsNoTracking().OrderBy(c => c.Id)
                .Select(c => new { c.Id, c.IndicatorId, c.FromYear, c.ToYear, c.PercentOfTarget, c.Source }).ToListAsync(),
            Metrics = await db.Metrics.AsNoTracking().OrderBy(m => m.Key).ToListAsync(),
            Members = await db.DimensionMembers.AsNoTracking().OrderBy(m => m.DimensionKey).ThenBy(m => m.Key).ToListAsync(),
            Facts = await db.StatisticFacts.AsNoTracking().OrderBy(f => f.Id).ToListAsync(),
            Dimensions = await db.Dimensions.AsNoTracking().OrderBy(d => d.Key).ToListAsync(),
            Audit = await db.AuditEntries.AsNoTracking().OrderBy(a => a.Id).ToListAsync(),
            PendingImports = await db.PendingImports.AsNoTracking().OrderBy(p => p.Id)
                .Select(p => new { p.Id, p.Year, p.UserId, p.FileName, p.Format, p.Content.Length }).ToListAsync(),
            Users = await db.Users.AsNoTracking().OrderBy(u => u.Id)
                .Select(u => new
                {
                    u.Id, u.Email, u.UserName, u.DisplayName, u.IsDisabled, u.PasswordHash, u.SecurityStamp, u.ConcurrencyStamp,
                    u.LockoutEnd, u.AccessFailedCount,
                }).ToListAsync(),
            Roles = await db.Roles.AsNoTracking().OrderBy(r => r.Id).Select(r => new { r.Id, r.Name }).ToListAsync(),
            UserRoles = await db.UserRoles.AsNoTracking().OrderBy(r => r.UserId).ThenBy(r => r.RoleId).Select(r => new { r.UserId, r.RoleId }).ToListAsync(),
            Counts = await RowCountsAsync(db),
        };
        return JsonSerializer.Serialize(content);
    }
}
