using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Infrastructure.Fees;

namespace Portal.Infrastructure.Persistence.Configurations;

internal sealed class FeeRuleChangeConfiguration : IEntityTypeConfiguration<FeeRuleChange>
{
    public void Configure(EntityTypeBuilder<FeeRuleChange> builder)
    {
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedOnAdd();
        builder.Property(c => c.Kind).HasConversion<int>();
        builder.Property(c => c.Actor).HasMaxLength(FeeRuleChange.ActorMaxLength).IsRequired();
        builder.HasIndex(c => new { c.RuleId, c.At });
    }
}
