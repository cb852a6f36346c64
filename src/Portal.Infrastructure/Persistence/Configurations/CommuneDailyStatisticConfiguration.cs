using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Infrastructure.Messaging.Consumers;

namespace Portal.Infrastructure.Persistence.Configurations;

internal sealed class CommuneDailyStatisticConfiguration : IEntityTypeConfiguration<CommuneDailyStatistic>
{
    public void Configure(EntityTypeBuilder<CommuneDailyStatistic> builder)
    {
        builder.HasKey(s => new { s.CommuneCode, s.Day });
        builder.Property(s => s.CommuneCode).HasMaxLength(5);
        builder.Property(s => s.Submitted).IsConcurrencyToken();
        builder.Property(s => s.ResultsIssued).IsConcurrencyToken();
    }
}
