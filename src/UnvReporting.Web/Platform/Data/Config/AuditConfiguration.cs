using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace UnvReporting.Web.Platform.Data.Config;

public sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.Property(a => a.UserId).HasMaxLength(450);
        builder.Property(a => a.UserName).HasMaxLength(256);
        builder.Property(a => a.Subject).HasMaxLength(40);
        builder.Property(a => a.SubjectKey).HasMaxLength(200);
        builder.Property(a => a.IndicatorKey).HasMaxLength(20);
        builder.Property(a => a.Field).HasMaxLength(80);
        builder.Property(a => a.OldValue).HasMaxLength(AuditEntry.MaxValueLength);
        builder.Property(a => a.NewValue).HasMaxLength(AuditEntry.MaxValueLength);
        builder.Property(a => a.Reason).HasMaxLength(2000);

        // The log is read newest first, by indicator (its page and the API) or by year and subject (the Admin's filter).
        builder.HasIndex(a => a.At);
        builder.HasIndex(a => new { a.Year, a.IndicatorKey, a.At });
        builder.HasIndex(a => new { a.Subject, a.At });
    }
}
