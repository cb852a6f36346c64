using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Infrastructure.Messaging.Outbox;
using Portal.Infrastructure.Messaging.Parking;

namespace Portal.Infrastructure.Persistence.Configurations;

internal sealed class ParkedMessageConfiguration : IEntityTypeConfiguration<ParkedMessage>
{
    public void Configure(EntityTypeBuilder<ParkedMessage> builder)
    {
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedOnAdd();
        builder.Property(p => p.MessageType).HasMaxLength(OutboxMessage.TypeMaxLength).IsRequired();
        builder.Property(p => p.Queue).HasMaxLength(ParkedMessage.QueueMaxLength).IsRequired();
        builder.Property(p => p.Error).HasMaxLength(ParkedMessage.ErrorMaxLength).IsRequired();
        builder.Property(p => p.Status).HasConversion<int>();
        builder.Property(p => p.DecidedBy).HasMaxLength(100);
        builder.Property(p => p.Decision).HasMaxLength(20);
        builder.HasIndex(p => new { p.MessageId, p.Queue }).IsUnique();
        builder.HasIndex(p => new { p.Status, p.NextAttemptAt });
    }
}

internal sealed class ParkedMessageDecisionConfiguration : IEntityTypeConfiguration<ParkedMessageDecision>
{
    public void Configure(EntityTypeBuilder<ParkedMessageDecision> builder)
    {
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedOnAdd();
        builder.Property(d => d.Decision).HasMaxLength(ParkedMessageDecision.DecisionMaxLength).IsRequired();
        builder.Property(d => d.Actor).HasMaxLength(100).IsRequired();
        builder.Property(d => d.StatusBefore).HasConversion<int>();
        builder.HasOne<ParkedMessage>().WithMany().HasForeignKey(d => d.ParkedMessageId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(d => new { d.ParkedMessageId, d.Id });
    }
}
