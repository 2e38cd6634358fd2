using Microsoft.EntityFrameworkCore.Metadata.Builders;
using UnvReporting.Domain.Sources;

namespace UnvReporting.Web.Platform.Data.Config;

public sealed class SourceDocumentConfiguration : IEntityTypeConfiguration<SourceDocument>
{
    public void Configure(EntityTypeBuilder<SourceDocument> builder)
    {
        builder.HasKey(d => d.Symbol);
        builder.Property(d => d.Symbol).HasMaxLength(SourceReference.MaxSymbolLength);
        builder.Property(d => d.TitleEn).HasMaxLength(300);
        builder.Property(d => d.TitleZh).HasMaxLength(300);
        builder.Property(d => d.Session).HasMaxLength(300);
        builder.Property(d => d.Edition).HasMaxLength(10);
    }
}

internal static class SourceReferenceMapping
{
    /// <summary>Every figure's source is two plain columns, SourceDocument and SourceLocator.</summary>
    public static void MapSource(this ComplexPropertyBuilder<SourceReference> source)
    {
        source.Property(s => s.DocumentSymbol).HasColumnName("SourceDocument").HasMaxLength(SourceReference.MaxSymbolLength);
        source.Property(s => s.Locator).HasColumnName("SourceLocator").HasMaxLength(SourceReference.MaxLocatorLength);
    }
}
