using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Calendar;

namespace Portal.Infrastructure.Persistence.Configurations;

internal sealed class PublicHolidayConfiguration : IEntityTypeConfiguration<PublicHoliday>
{
    public void Configure(EntityTypeBuilder<PublicHoliday> builder)
    {
        builder.HasKey(h => h.Date);
        builder.Property(h => h.NameVi).HasMaxLength(PublicHoliday.NameMaxLength).IsRequired();
        builder.Property(h => h.NameEn).HasMaxLength(PublicHoliday.NameMaxLength).IsRequired();
    }
}
