using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Fees;

namespace Portal.Infrastructure.Persistence.Configurations;

internal sealed class FeeRuleConfiguration : IEntityTypeConfiguration<FeeRule>
{
    public void Configure(EntityTypeBuilder<FeeRule> builder)
    {
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Name).HasMaxLength(FeeRule.NameMaxLength).IsRequired();
        builder.Property(r => r.LegalBasis).HasJsonConversion();
        builder.Property(r => r.Scope).HasJsonConversion();
        builder.Property(r => r.Effect).HasJsonConversion();
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasIndex(r => r.EffectiveFrom);
    }
}
