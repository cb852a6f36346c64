using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Catalogue;

namespace Portal.Infrastructure.Persistence.Configurations;

internal sealed class ProcedureConfiguration : IEntityTypeConfiguration<Procedure>
{
    public void Configure(EntityTypeBuilder<Procedure> builder)
    {
        builder.HasKey(p => p.Code);
        builder.Property(p => p.Code).HasMaxLength(Procedure.CodeMaxLength);
        builder.Property(p => p.NameVi).HasMaxLength(Procedure.NameMaxLength).IsRequired();
        builder.Property(p => p.NameEn).HasMaxLength(Procedure.NameMaxLength).IsRequired();
        builder.Property(p => p.FieldCode).HasMaxLength(40).IsRequired();
        builder.Property(p => p.FieldNameVi).HasMaxLength(100).IsRequired();
        builder.Property(p => p.FieldNameEn).HasMaxLength(100).IsRequired();
        builder.Property(p => p.Agency).HasConversion<int>();
        builder.Property(p => p.TimeLimit).HasConversion(v => v.WorkingDays, v => new TimeLimit(v)).HasColumnName("TimeLimitWorkingDays");
        builder.Property(p => p.Fees).HasJsonConversion();
        builder.Property(p => p.FormFields).HasJsonConversion();
        builder.Property(p => p.Deadline).HasConversion(Json.Converter<EventDeadline?>(), Json.Comparer<EventDeadline?>());
        builder.Property(p => p.RequiredDocuments).HasJsonConversion();
        builder.Property(p => p.OnlineLevel).HasConversion<int>();
        builder.HasIndex(p => p.FieldCode);
    }
}
