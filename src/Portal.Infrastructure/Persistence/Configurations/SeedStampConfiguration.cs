using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Infrastructure.Seeding;

namespace Portal.Infrastructure.Persistence.Configurations;

internal sealed class SeedStampConfiguration : IEntityTypeConfiguration<SeedStamp>
{
    public void Configure(EntityTypeBuilder<SeedStamp> builder)
    {
        builder.HasKey(s => s.Name);
        builder.Property(s => s.Name).HasMaxLength(SeedStamp.NameMaxLength);
        builder.Property(s => s.Hash).HasMaxLength(64).IsUnicode(false);
    }
}
