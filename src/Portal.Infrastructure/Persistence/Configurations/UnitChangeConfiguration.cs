using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Infrastructure.AdministrativeUnits;

namespace Portal.Infrastructure.Persistence.Configurations;

internal sealed class UnitChangeConfiguration : IEntityTypeConfiguration<UnitChange>
{
    public void Configure(EntityTypeBuilder<UnitChange> builder)
    {
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedOnAdd();
        builder.Property(c => c.Kind).HasConversion<int>();
        builder.Property(c => c.FromCommune).HasMaxLength(5).IsRequired();
        builder.Property(c => c.ToCommune).HasMaxLength(5).IsRequired();
        builder.Property(c => c.DossierCode).HasMaxLength(24);
        builder.Property(c => c.Reason).HasMaxLength(1000);
        builder.Property(c => c.Actor).HasMaxLength(100).IsRequired();
        builder.HasIndex(c => c.At);
    }
}
