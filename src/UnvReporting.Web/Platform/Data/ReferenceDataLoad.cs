using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace UnvReporting.Web.Platform.Data;

/// <summary>
/// A record that the reference data file was loaded, with the file's SHA-256, so that a later
/// start can tell whether the file it ships still matches what the database was filled from.
/// </summary>
public sealed class ReferenceDataLoad
{
    public ReferenceDataLoad(string sha256, DateTimeOffset loadedAt)
    {
        Sha256 = sha256;
        LoadedAt = loadedAt;
    }

    public int Id { get; private set; }

    public string Sha256 { get; private set; }

    public DateTimeOffset LoadedAt { get; private set; }
}

public sealed class ReferenceDataLoadConfiguration : IEntityTypeConfiguration<ReferenceDataLoad>
{
    public void Configure(EntityTypeBuilder<ReferenceDataLoad> builder) =>
        builder.Property(l => l.Sha256).HasMaxLength(64).IsFixedLength();
}
