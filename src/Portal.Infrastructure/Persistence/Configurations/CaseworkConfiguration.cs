using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Dossiers;
using Portal.Domain.Routing;
using Portal.Infrastructure.Identity;

namespace Portal.Infrastructure.Persistence.Configurations;

internal sealed class DeadlineEventConfiguration : IEntityTypeConfiguration<DeadlineEvent>
{
    public void Configure(EntityTypeBuilder<DeadlineEvent> builder)
    {
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Kind).HasConversion<int>();
        builder.Property(e => e.Reason).HasMaxLength(DossierTransition.ReasonMaxLength);
        builder.HasIndex(e => new { e.DossierId, e.At });
    }
}

internal sealed class StaffLeaveConfiguration : IEntityTypeConfiguration<StaffLeave>
{
    public void Configure(EntityTypeBuilder<StaffLeave> builder)
    {
        builder.HasKey(l => l.Id);
        builder.Property(l => l.UserName).HasMaxLength(DossierTransition.ActorMaxLength).IsRequired();
        builder.Property(l => l.Reason).HasMaxLength(StaffLeave.ReasonMaxLength).IsRequired();
        builder.HasIndex(l => new { l.UserName, l.To });
    }
}

internal sealed class LeaderDelegationConfiguration : IEntityTypeConfiguration<LeaderDelegation>
{
    public void Configure(EntityTypeBuilder<LeaderDelegation> builder)
    {
        builder.HasKey(d => d.Id);
        builder.Property(d => d.LeaderUserName).HasMaxLength(DossierTransition.ActorMaxLength).IsRequired();
        builder.Property(d => d.DelegateUserName).HasMaxLength(DossierTransition.ActorMaxLength).IsRequired();
        builder.Property(d => d.QueueName).HasMaxLength(ProcessingQueue.NameMaxLength).IsRequired();
        builder.Property(d => d.Reason).HasMaxLength(LeaderDelegation.ReasonMaxLength).IsRequired();
        builder.HasIndex(d => new { d.DelegateUserName, d.QueueName, d.To });
    }
}

internal sealed class StaffDigestConfiguration : IEntityTypeConfiguration<StaffDigest>
{
    public void Configure(EntityTypeBuilder<StaffDigest> builder)
    {
        builder.HasKey(d => d.Id);
        builder.Property(d => d.UserName).HasMaxLength(DossierTransition.ActorMaxLength).IsRequired();
        builder.HasIndex(d => new { d.UserName, d.Day }).IsUnique();
    }
}
