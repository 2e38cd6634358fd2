using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace UnvReporting.Web.Platform.Data.Config;

public sealed class SignInFailureConfiguration : IEntityTypeConfiguration<SignInFailure>
{
    public void Configure(EntityTypeBuilder<SignInFailure> builder)
    {
        builder.ToTable("SignInFailures");
        builder.HasKey(f => new { f.UserId, f.ClientNetwork });
        builder.Property(f => f.ClientNetwork).HasMaxLength(SignInFailure.MaxNetworkLength);

        // A deleted account takes its failures with it.
        builder.HasOne<StaffUser>().WithMany().HasForeignKey(f => f.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
