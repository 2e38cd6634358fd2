using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace UnvReporting.Web.Platform.Data.Config;

public sealed class MetricConfiguration : IEntityTypeConfiguration<Metric>
{
    public void Configure(EntityTypeBuilder<Metric> builder)
    {
        builder.HasKey(m => m.Key);
        builder.Property(m => m.Key).HasMaxLength(Metric.MaxKeyLength);
        builder.Property(m => m.NameEn).HasMaxLength(120);
        builder.Property(m => m.NameZh).HasMaxLength(120);
        builder.Property(m => m.DescriptionEn).HasMaxLength(500);
    }
}

public sealed class DimensionConfiguration : IEntityTypeConfiguration<Dimension>
{
    public void Configure(EntityTypeBuilder<Dimension> builder)
    {
        builder.HasKey(d => d.Key);
        builder.Property(d => d.Key).HasMaxLength(Metric.MaxKeyLength);
        builder.Property(d => d.NameEn).HasMaxLength(120);
        builder.Property(d => d.NameZh).HasMaxLength(120);
        builder.HasMany(d => d.Members).WithOne().HasForeignKey(m => m.DimensionKey).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(d => d.Members).HasField("_members");
    }
}

public sealed class DimensionMemberConfiguration : IEntityTypeConfiguration<DimensionMember>
{
    public void Configure(EntityTypeBuilder<DimensionMember> builder)
    {
        builder.HasKey(m => new { m.DimensionKey, m.Key });
        builder.Property(m => m.DimensionKey).HasMaxLength(Metric.MaxKeyLength);
        builder.Property(m => m.Key).HasMaxLength(DimensionMember.MaxKeyLength);
        builder.Property(m => m.NameEn).HasMaxLength(160);
        builder.Property(m => m.NameZh).HasMaxLength(160);
    }
}

public sealed class StatisticFactConfiguration : IEntityTypeConfiguration<StatisticFact>
{
    public void Configure(EntityTypeBuilder<StatisticFact> builder)
    {
        builder.Property(f => f.MetricKey).HasMaxLength(Metric.MaxKeyLength);
        builder.Property(f => f.Dimension).HasMaxLength(Metric.MaxKeyLength);
        builder.Property(f => f.Member).HasMaxLength(DimensionMember.MaxKeyLength);
        builder.Property(f => f.Note).HasMaxLength(StatisticFact.MaxNoteLength);
        builder.ComplexProperty(f => f.Source, source => source.MapSource());

        builder.HasOne<Metric>().WithMany().HasForeignKey(f => f.MetricKey).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<DimensionMember>().WithMany().HasForeignKey(f => new { f.Dimension, f.Member }).OnDelete(DeleteBehavior.Restrict);

        // A breakdown is a dimension and a member together, or neither.
        builder.ToTable(t => t.HasCheckConstraint("CK_StatisticFacts_Breakdown", "(\"Dimension\" IS NULL) = (\"Member\" IS NULL)"));

        // One value per year, metric and breakdown. NULLs are distinct in a unique index on both
        // providers, so the facts without a breakdown get their own filtered index. These also
        // serve the two ways statistics are read: a year's figures, and one metric across years.
        builder.HasIndex(f => new { f.Year, f.MetricKey, f.Dimension, f.Member })
            .IsUnique()
            .HasFilter("\"Dimension\" IS NOT NULL")
            .HasDatabaseName("IX_StatisticFacts_Year_Metric_Breakdown");
        builder.HasIndex(f => new { f.Year, f.MetricKey })
            .IsUnique()
            .HasFilter("\"Dimension\" IS NULL")
            .HasDatabaseName("IX_StatisticFacts_Year_Metric_Total");
        builder.HasIndex(f => new { f.MetricKey, f.Year });

        // Unfiltered: neither database uses a filtered index for a query that does not repeat its
        // filter, so "the facts of a year" scanned the whole table. This one serves any query by
        // year and hands out the whole history in export order without sorting it.
        builder.HasIndex(f => new { f.Year, f.MetricKey, f.Dimension, f.Member }, "IX_StatisticFacts_Year_Order");
    }
}
