using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.AdministrativeUnits;
using Portal.Domain.Catalogue;
using Portal.Domain.Dossiers;
using Portal.Domain.People;

namespace Portal.Infrastructure.Persistence.Configurations;

internal sealed class DossierConfiguration : IEntityTypeConfiguration<Dossier>
{
    public void Configure(EntityTypeBuilder<Dossier> builder)
    {
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.Code).HasConversion(v => v.Value, v => DossierCode.Parse(v)).HasMaxLength(DossierCode.MaxLength);
        builder.HasIndex(d => d.Code).IsUnique();
        builder.Property(d => d.LookupSecret).HasMaxLength(Dossier.LookupSecretLength).IsRequired();
        builder.Property(d => d.ProcedureCode).HasMaxLength(Procedure.CodeMaxLength).IsRequired();
        builder.HasOne<Procedure>().WithMany().HasForeignKey(d => d.ProcedureCode).OnDelete(DeleteBehavior.Restrict);
        builder.Property(d => d.CommuneCode).HasConversion(v => v.Value, v => CommuneCode.Parse(v)).HasMaxLength(CommuneCode.Length);
        builder.HasOne<Commune>().WithMany().HasForeignKey(d => d.CommuneCode).OnDelete(DeleteBehavior.Restrict);
        builder.Property(d => d.Agency).HasConversion<int>();
        builder.Property(d => d.Channel).HasConversion<int>();
        builder.Property(d => d.Status).HasConversion<int>();
        builder.Property(d => d.Outcome).HasConversion<int?>();
        builder.Property(d => d.Timeliness).HasConversion<int?>();
        builder.Property(d => d.Version).IsConcurrencyToken();

        builder.OwnsOne(d => d.Applicant, applicant =>
        {
            applicant.Property(a => a.UserId).HasColumnName("ApplicantUserId").HasMaxLength(Applicant.UserIdMaxLength);
            applicant.Property(a => a.CitizenId).HasColumnName("ApplicantCitizenId")
                .HasConversion(v => v.Value, v => CitizenId.Parse(v)).HasMaxLength(CitizenId.Length).IsRequired();
            applicant.Property(a => a.FullName).HasColumnName("ApplicantName").HasMaxLength(Applicant.FullNameMaxLength).IsRequired();
            applicant.HasIndex(a => a.UserId);
            applicant.HasIndex(a => a.CitizenId);
        });
        builder.Navigation(d => d.Applicant).IsRequired();

        builder.Property(d => d.FormData).HasJsonConversion();
        builder.Property(d => d.Fee).HasJsonConversion();
        builder.Property(d => d.Payment).HasConversion(Json.Converter<DossierPayment?>(), Json.Comparer<DossierPayment?>());

        builder.HasMany(d => d.History).WithOne().HasForeignKey(t => t.DossierId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(d => d.History).HasField("_history").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(d => d.Clock).WithOne().HasForeignKey(e => e.DossierId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(d => d.Clock).HasField("_clock").UsePropertyAccessMode(PropertyAccessMode.Field).AutoInclude();
        builder.Property(d => d.AssignedTo).HasMaxLength(DossierTransition.ActorMaxLength);
        builder.Property(d => d.ProposedBy).HasMaxLength(DossierTransition.ActorMaxLength);
        builder.Property(d => d.ProposedOutcome).HasConversion<int?>();
        builder.Property(d => d.ProposalReason).HasMaxLength(DossierTransition.ReasonMaxLength);
        builder.Ignore(d => d.IsOpen);

        builder.HasIndex(d => d.ClientRequestId).IsUnique();
        builder.HasIndex(d => new { d.CommuneCode, d.Agency, d.Status });
        builder.HasIndex(d => new { d.FiledAt, d.CommuneCode });

        // The convergence sweep looks for open dossiers missing from the worklist: it seeks the open statuses
        // instead of walking every dossier ever filed (at 10 million, a full walk every minute), and finds
        // the id in the index (no row read per open dossier).
        builder.HasIndex(d => new { d.Status, d.FiledAt, d.Id });
        builder.Ignore(d => d.DomainEvents);
    }
}
