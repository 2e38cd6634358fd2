using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace UnvReporting.Web.Platform.Data.Config;

public sealed class StrategicFrameworkConfiguration : IEntityTypeConfiguration<StrategicFramework>
{
    public void Configure(EntityTypeBuilder<StrategicFramework> builder)
    {
        builder.Property(f => f.Code).HasMaxLength(9);
        builder.HasIndex(f => f.Code).IsUnique();
        builder.Property(f => f.DocumentSymbol).HasMaxLength(40);
        builder.ComplexProperty(f => f.Bands, bands =>
        {
            bands.Property(b => b.GreenFrom).HasColumnName("GreenFrom");
            bands.Property(b => b.YellowFrom).HasColumnName("YellowFrom");
        });
    }
}

public sealed class FrameworkAmbitionConfiguration : IEntityTypeConfiguration<FrameworkAmbition>
{
    public void Configure(EntityTypeBuilder<FrameworkAmbition> builder)
    {
        builder.Property(a => a.TextEn).HasMaxLength(500);
        builder.Property(a => a.TextZh).HasMaxLength(500);
        builder.ComplexProperty(a => a.Source, source => source.MapSource());
        builder.HasOne<StrategicFramework>().WithMany().HasForeignKey(a => a.FrameworkId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.FrameworkId, a.SortOrder }).IsUnique();
    }
}
