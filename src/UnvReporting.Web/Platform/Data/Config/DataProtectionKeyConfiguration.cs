using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace UnvReporting.Web.Platform.Data.Config;

public sealed class DataProtectionKeyConfiguration : IEntityTypeConfiguration<DataProtectionKey>
{
    // No length limits: the framework chooses the names and the XML, and a refused insert would
    // leave the app without a key to sign anyone in with.
    public void Configure(EntityTypeBuilder<DataProtectionKey> builder) =>
        builder.Property(k => k.Xml).IsRequired();
}
