using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace UnvReporting.Web.Platform.Data.Config;

public sealed class ResultAreaConfiguration : IEntityTypeConfiguration<ResultArea>
{
    public void Configure(EntityTypeBuilder<ResultArea> builder)
    {
        builder.Property(a => a.Code).HasMaxLength(10);
        builder.Property(a => a.TitleEn).HasMaxLength(400);
        builder.Property(a => a.TitleZh).HasMaxLength(400);
        builder.HasIndex(a => new { a.FrameworkId, a.Code }).IsUnique();
        builder.HasOne<StrategicFramework>().WithMany().HasForeignKey(a => a.FrameworkId).OnDelete(DeleteBehavior.Cascade);
        // NO ACTION is checked at the end of the statement, so deleting a framework (which
        // cascades to all its areas, parents and children alike) does not depend on row order.
        builder.HasOne(a => a.Parent).WithMany().HasForeignKey(a => a.ParentId).OnDelete(DeleteBehavior.NoAction);
    }
}

public sealed class IndicatorConfiguration : IEntityTypeConfiguration<Indicator>
{
    public void Configure(EntityTypeBuilder<Indicator> builder)
    {
        builder.Property(i => i.Key).HasMaxLength(IndicatorKey.MaxLength);
        builder.HasIndex(i => new { i.FrameworkId, i.Key }).IsUnique();
        builder.HasOne<StrategicFramework>().WithMany().HasForeignKey(i => i.FrameworkId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(i => i.Area).WithMany().HasForeignKey(i => i.AreaId).OnDelete(DeleteBehavior.NoAction);

        // The framework's plan: optional, since the indicators of the reports are defined per year.
        builder.ComplexProperty(i => i.Definition, definition =>
        {
            definition.Property(d => d.TitleEn).HasColumnName("TitleEn").HasMaxLength(IndicatorDefinition.MaxTitleLength);
            definition.Property(d => d.TitleZh).HasColumnName("TitleZh").HasMaxLength(IndicatorDefinition.MaxTitleLength);
            definition.Property(d => d.Unit).HasColumnName("Unit");
            definition.Property(d => d.IsCumulative).HasColumnName("IsCumulative");
            definition.Property(d => d.Direction).HasColumnName("Direction");
        });
        builder.Property(i => i.DataSource).HasMaxLength(Indicator.MaxDataSourceLength);
        builder.HasMany(i => i.Milestones).WithOne().HasForeignKey(m => m.IndicatorId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(i => i.Milestones).HasField("_milestones").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

public sealed class IndicatorMilestoneConfiguration : IEntityTypeConfiguration<IndicatorMilestone>
{
    public void Configure(EntityTypeBuilder<IndicatorMilestone> builder) =>
        builder.HasIndex(m => new { m.IndicatorId, m.Year }).IsUnique();
}

public sealed class IndicatorYearConfiguration : IEntityTypeConfiguration<IndicatorYear>
{
    public void Configure(EntityTypeBuilder<IndicatorYear> builder)
    {
        builder.Property(y => y.CodeAsPublished).HasMaxLength(IndicatorKey.MaxLength);
        builder.ComplexProperty(y => y.Definition, definition =>
        {
            definition.Property(d => d.TitleEn).HasColumnName("TitleEn").HasMaxLength(IndicatorDefinition.MaxTitleLength);
            definition.Property(d => d.TitleZh).HasColumnName("TitleZh").HasMaxLength(IndicatorDefinition.MaxTitleLength);
            definition.Property(d => d.Unit).HasColumnName("Unit");
            definition.Property(d => d.IsCumulative).HasColumnName("IsCumulative");
            definition.Property(d => d.Direction).HasColumnName("Direction");
        });
        builder.ComplexProperty(y => y.Source, source => source.MapSource());
        builder.Property(y => y.NarrativeEn).HasMaxLength(IndicatorYear.MaxNarrativeLength);
        builder.Property(y => y.NarrativeZh).HasMaxLength(IndicatorYear.MaxNarrativeLength);
        builder.Property(y => y.Note).HasMaxLength(IndicatorYear.MaxNoteLength);
        builder.Property(y => y.RevisionReason).HasMaxLength(500);
        builder.Property(y => y.MissingDataReason).HasMaxLength(IndicatorYear.MaxMissingDataReasonLength);

        // One row per indicator and year; the year's table is read by year.
        builder.HasIndex(y => new { y.IndicatorId, y.Year }).IsUnique();
        builder.HasIndex(y => y.Year);
        builder.HasOne(y => y.Indicator).WithMany().HasForeignKey(y => y.IndicatorId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ReportingYear>().WithMany().HasForeignKey(y => y.Year).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class CumulativeAchievementConfiguration : IEntityTypeConfiguration<CumulativeAchievement>
{
    public void Configure(EntityTypeBuilder<CumulativeAchievement> builder)
    {
        builder.ComplexProperty(c => c.Source, source => source.MapSource());
        builder.HasIndex(c => new { c.IndicatorId, c.FromYear, c.ToYear }).IsUnique();
        builder.HasOne(c => c.Indicator).WithMany().HasForeignKey(c => c.IndicatorId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class ReportingYearConfiguration : IEntityTypeConfiguration<ReportingYear>
{
    public void Configure(EntityTypeBuilder<ReportingYear> builder)
    {
        builder.HasKey(y => y.Year);
        builder.Property(y => y.Year).ValueGeneratedNever();
        builder.Property(y => y.DocumentSymbol).HasMaxLength(40);
        builder.Property(y => y.ReturnComment).HasMaxLength(ReportingYear.MaxCommentLength);
        builder.HasOne(y => y.Framework).WithMany().HasForeignKey(y => y.FrameworkId).OnDelete(DeleteBehavior.Restrict);

        // Optional: only years loaded from a published report state their colour counts.
        builder.ComplexProperty(y => y.StatedSummary, summary =>
        {
            summary.Property(s => s.Green).HasColumnName("StatedGreen");
            summary.Property(s => s.Yellow).HasColumnName("StatedYellow");
            summary.Property(s => s.Red).HasColumnName("StatedRed");
            summary.Property(s => s.Grey).HasColumnName("StatedGrey");
            summary.Property(s => s.Locator).HasColumnName("StatedSummaryLocator").HasMaxLength(80);
            summary.Ignore(s => s.Total);
        });
    }
}
