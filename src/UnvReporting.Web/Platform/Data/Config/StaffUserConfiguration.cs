using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace UnvReporting.Web.Platform.Data.Config;

public sealed class StaffUserConfiguration : IEntityTypeConfiguration<StaffUser>
{
    public void Configure(EntityTypeBuilder<StaffUser> builder) =>
        builder.Property(u => u.DisplayName).HasMaxLength(StaffUser.MaxDisplayNameLength);
}

public sealed class PendingImportConfiguration : IEntityTypeConfiguration<PendingImport>
{
    public void Configure(EntityTypeBuilder<PendingImport> builder)
    {
        builder.Property(p => p.UserId).HasMaxLength(450);
        builder.Property(p => p.FileName).HasMaxLength(260);
        builder.Property(p => p.Format).HasMaxLength(10);
        builder.Property(p => p.Kind).HasMaxLength(20).HasDefaultValue(PendingImport.Results);
        builder.Property(p => p.FrameworkCode).HasMaxLength(9);
        builder.HasIndex(p => p.UploadedAt);
    }
}
