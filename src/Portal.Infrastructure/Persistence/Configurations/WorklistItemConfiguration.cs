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
        builder.HasIndex(w => new { w.QueueName, w.DueAt, w.DossierId });
    }
}
