using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Infrastructure.Messaging.Inbox;
using Portal.Infrastructure.Messaging.Outbox;

namespace Portal.Infrastructure.Persistence.Configurations;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.HasKey(m => m.Sequence);
        builder.Property(m => m.Sequence).ValueGeneratedOnAdd();
        builder.HasIndex(m => m.MessageId).IsUnique();
        builder.Property(m => m.MessageType).HasMaxLength(OutboxMessage.TypeMaxLength).IsRequired();
        builder.Property(m => m.Body).IsRequired();
        builder.Property(m => m.Error).HasMaxLength(OutboxMessage.ErrorMaxLength);
        builder.Property(m => m.TraceParent).HasMaxLength(OutboxMessage.TraceParentMaxLength).IsUnicode(false);
        builder.HasIndex(m => new { m.SentAt, m.Sequence });
    }
}

internal sealed class InboxMessageConfiguration : IEntityTypeConfiguration<InboxMessage>
{
    public void Configure(EntityTypeBuilder<InboxMessage> builder)
    {
        builder.HasKey(m => new { m.MessageId, m.Consumer });
        builder.Property(m => m.Consumer).HasMaxLength(InboxMessage.ConsumerMaxLength);
        builder.HasIndex(m => m.ProcessedAt);
    }
}

internal sealed class DossierCodeSequenceConfiguration : IEntityTypeConfiguration<DossierCodeSequence>
{
    public void Configure(EntityTypeBuilder<DossierCodeSequence> builder)
    {
        builder.HasKey(s => s.Scope);
        builder.Property(s => s.Scope).HasMaxLength(DossierCodeSequence.ScopeMaxLength);
        builder.Property(s => s.Next).IsConcurrencyToken();
    }
}
