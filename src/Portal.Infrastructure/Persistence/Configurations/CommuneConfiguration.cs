using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.AdministrativeUnits;

namespace Portal.Infrastructure.Persistence.Configurations;

internal sealed class CommuneConfiguration : IEntityTypeConfiguration<Commune>
{
    public void Configure(EntityTypeBuilder<Commune> builder)
    {
        builder.HasKey(c => c.Code);
        builder.Property(c => c.Code).HasConversion(v => v.Value, v => CommuneCode.Parse(v)).HasMaxLength(CommuneCode.Length);
        builder.Property(c => c.SuccessorCode).HasConversion(v => v!.Value.Value, v => CommuneCode.Parse(v)).HasMaxLength(CommuneCode.Length);
        builder.Property(c => c.Name).HasMaxLength(Commune.NameMaxLength).IsRequired();
        builder.Property(c => c.FullName).HasMaxLength(Commune.NameMaxLength).IsRequired();
        builder.Property(c => c.UnitType).HasMaxLength(20).IsRequired();
        builder.Ignore(c => c.IsActive);
        builder.HasIndex(c => c.SuccessorCode);
    }
}
