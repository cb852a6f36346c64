using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.AdministrativeUnits;
using Portal.Domain.Dossiers;
using Portal.Domain.Routing;
using Portal.Domain.Worklists;

namespace Portal.Infrastructure.Persistence.Configurations;

internal sealed class WorklistItemConfiguration : IEntityTypeConfiguration<WorklistItem>
{
    public void Configure(EntityTypeBuilder<WorklistItem> builder)
    {
        // One row per dossier: the primary key is what makes a redelivered message harmless.
        builder.HasKey(w => w.DossierId);
        builder.HasOne<Dossier>().WithOne().HasForeignKey<WorklistItem>(w => w.DossierId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(w => w.QueueName).HasMaxLength(ProcessingQueue.NameMaxLength).IsRequired();
        builder.Property(w => w.CommuneCode).HasMaxLength(CommuneCode.Length).IsRequired();
        builder.Property(w => w.Agency).HasConversion<int>();
        builder.Property(w => w.DossierCode).HasMaxLength(DossierCode.MaxLength).IsRequired();
        builder.Property(w => w.ProcedureCode).HasMaxLength(Portal.Domain.Catalogue.Procedure.CodeMaxLength).IsRequired();
        builder.Property(w => w.ApplicantName).HasMaxLength(Applicant.FullNameMaxLength).IsRequired();
        builder.Property(w => w.Status).HasConversion<int>();
        builder.Property(w => w.AssignedTo).HasMaxLength(DossierTransition.ActorMaxLength);
        builder.Property(w => w.SearchKey).HasMaxLength(WorklistItem.SearchKeyMaxLength).IsRequired();

        // The worklist's order and keyset: (queue, due date, code); the status rides along so the late and
        // due-soon counts are answered from the index alone. The officer's own tab and the signature tab have their own.
        builder.HasIndex(w => new { w.QueueName, w.DueAt, w.DossierCode, w.Status });
        builder.HasIndex(w => new { w.QueueName, w.AssignedTo, w.DueAt, w.DossierCode });
        builder.HasIndex(w => new { w.QueueName, w.AwaitingSignature });
        builder.HasIndex(w => w.DossierCode).IsUnique();

        // The supervisors' exact "due today, already past" counts (the backlog counters know days, not hours), from the index alone.
        builder.HasIndex(w => new { w.DueAt, w.Status, w.CommuneCode, w.Agency, w.AwaitingSignature });
    }
}
