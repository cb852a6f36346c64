using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Infrastructure.Messaging.Consumers;

namespace Portal.Infrastructure.Persistence.Configurations;

internal sealed class DossierEventConfiguration : IEntityTypeConfiguration<DossierEvent>
{
    public void Configure(EntityTypeBuilder<DossierEvent> builder)
    {
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedOnAdd();
        builder.Property(e => e.Type).HasMaxLength(DossierEvent.TypeMaxLength).IsRequired();
        builder.Property(e => e.Body).IsRequired();
        builder.HasIndex(e => e.MessageId).IsUnique();
        builder.HasIndex(e => new { e.DossierId, e.At });
        builder.Property(e => e.PreviousHash).HasMaxLength(AuditChain.HashLength).IsUnicode(false).IsRequired();
        builder.Property(e => e.Hash).HasMaxLength(AuditChain.HashLength).IsUnicode(false).IsRequired();
        builder.HasIndex(e => e.Sequence).IsUnique();
    }
}
