using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Documents;
using Portal.Domain.Dossiers;
using Portal.Infrastructure.Citizens;

namespace Portal.Infrastructure.Persistence.Configurations;

internal sealed class DossierDraftConfiguration : IEntityTypeConfiguration<DossierDraft>
{
    public void Configure(EntityTypeBuilder<DossierDraft> builder)
    {
        builder.HasKey(d => d.Id);
        builder.Property(d => d.UserId).HasMaxLength(Applicant.UserIdMaxLength).IsRequired();
        builder.Property(d => d.ProcedureCode).HasMaxLength(DossierDraft.ProcedureCodeMaxLength).IsRequired();
        builder.HasIndex(d => new { d.UserId, d.UpdatedAt });
    }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Id).ValueGeneratedOnAdd();
        builder.Property(n => n.UserId).HasMaxLength(Applicant.UserIdMaxLength).IsRequired();
        builder.Property(n => n.DossierCode).HasMaxLength(DossierCode.MaxLength).IsRequired();
        builder.HasIndex(n => new { n.UserId, n.At });
        builder.HasIndex(n => new { n.DossierId, n.Status, n.At }).IsUnique(); // one notice per change: a status reached again later is a new notice
    }
}

internal sealed class DossierAccessConfiguration : IEntityTypeConfiguration<DossierAccess>
{
    public void Configure(EntityTypeBuilder<DossierAccess> builder)
    {
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedOnAdd();
        builder.Property(a => a.Role).HasMaxLength(ActorRef.RoleMaxLength).IsRequired();
        builder.Property(a => a.Commune).HasMaxLength(5);
        builder.HasIndex(a => new { a.DossierId, a.At });
    }
}

internal sealed class DossierRatingConfiguration : IEntityTypeConfiguration<DossierRating>
{
    public void Configure(EntityTypeBuilder<DossierRating> builder)
    {
        builder.HasKey(r => r.DossierId);
        builder.Property(r => r.Comment).HasMaxLength(DossierRating.CommentMaxLength);
        builder.Property(r => r.CommuneCode).HasMaxLength(Portal.Domain.AdministrativeUnits.CommuneCode.Length);
        builder.Property(r => r.Agency).HasConversion<int>();
        builder.HasIndex(r => new { r.At, r.CommuneCode });
    }
}

internal sealed class AttachmentConfiguration : IEntityTypeConfiguration<Attachment>
{
    public void Configure(EntityTypeBuilder<Attachment> builder)
    {
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.HasOne<Dossier>().WithMany().HasForeignKey(a => a.DossierId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(a => a.Kind).HasConversion<int>();
        builder.Property(a => a.FileName).HasMaxLength(Attachment.FileNameMaxLength).IsRequired();
        builder.Property(a => a.ContentType).HasMaxLength(Attachment.ContentTypeMaxLength).IsRequired();
        builder.Property(a => a.StorageKey).HasMaxLength(Attachment.StorageKeyMaxLength).IsRequired();
        builder.Property(a => a.Sha256).HasMaxLength(64).IsRequired();
        builder.HasIndex(a => a.DossierId);
    }
}

internal sealed class DossierResultConfiguration : IEntityTypeConfiguration<DossierResult>
{
    public void Configure(EntityTypeBuilder<DossierResult> builder)
    {
        builder.HasKey(r => r.DossierId);
        builder.HasOne<Dossier>().WithOne().HasForeignKey<DossierResult>(r => r.DossierId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(r => r.VerificationCode).HasMaxLength(DossierResult.VerificationCodeLength).IsRequired();
        builder.HasIndex(r => r.VerificationCode).IsUnique();
        builder.Property(r => r.Summary).HasMaxLength(DossierResult.SummaryMaxLength).IsRequired();
        builder.Property(r => r.IssuedBy).HasMaxLength(100).IsRequired();
    }
}
