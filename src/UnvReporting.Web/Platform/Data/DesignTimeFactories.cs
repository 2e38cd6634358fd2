using Microsoft.EntityFrameworkCore.Design;

namespace UnvReporting.Web.Platform.Data;

/// <summary>
/// Lets <c>dotnet ef</c> build each context without starting the app. The connection strings
/// are placeholders: generating a migration never connects.
/// </summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteUnvDbContext>
{
    public SqliteUnvDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteUnvDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresUnvDbContext>
{
    public PostgresUnvDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresUnvDbContext>().UseNpgsql("Host=localhost;Database=design_time").Options);
}
