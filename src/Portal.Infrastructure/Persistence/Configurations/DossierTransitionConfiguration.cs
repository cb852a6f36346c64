using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Dossiers;

namespace Portal.Infrastructure.Persistence.Configurations;

internal sealed class DossierTransitionConfiguration : IEntityTypeConfiguration<DossierTransition>
{
    public void Configure(EntityTypeBuilder<DossierTransition> builder)
    {
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.From).HasConversion<int?>();
        builder.Property(t => t.To).HasConversion<int>();
        builder.Property(t => t.Actor).HasMaxLength(DossierTransition.ActorMaxLength).IsRequired();
        builder.Property(t => t.Reason).HasMaxLength(DossierTransition.ReasonMaxLength);
        builder.Property(t => t.ActorRole).HasMaxLength(ActorRef.RoleMaxLength);
        builder.Property(t => t.ActorCommune).HasMaxLength(5);
        builder.Property(t => t.Form).HasConversion<int?>();
        builder.HasIndex(t => new { t.DossierId, t.At });
    }
}
