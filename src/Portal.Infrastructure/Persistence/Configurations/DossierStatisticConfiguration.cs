using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.AdministrativeUnits;
using Portal.Domain.Catalogue;
using Portal.Infrastructure.Statistics;

namespace Portal.Infrastructure.Persistence.Configurations;

internal sealed class DossierStatisticConfiguration : IEntityTypeConfiguration<DossierStatistic>
{
    public void Configure(EntityTypeBuilder<DossierStatistic> builder)
    {
        builder.HasKey(s => new { s.CommuneCode, s.Agency, s.ProcedureCode, s.Day });
        builder.Property(s => s.CommuneCode).HasMaxLength(CommuneCode.Length);
        builder.Property(s => s.Agency).HasConversion<int>();
        builder.Property(s => s.ProcedureCode).HasMaxLength(Procedure.CodeMaxLength);
        builder.Ignore(s => s.Key);
        builder.Ignore(s => s.Counts);

        // Processing replicas update the same rows: an update made from a stale read is refused (and the
        // consumer retries with fresh counts) instead of overwriting another replica's increment. Every change
        // moves at least one of these counters.
        builder.Property(s => s.ReceivedOnline).IsConcurrencyToken();
        builder.Property(s => s.ReceivedDirect).IsConcurrencyToken();
        builder.Property(s => s.CompletedEarly).IsConcurrencyToken();
        builder.Property(s => s.CompletedOnTime).IsConcurrencyToken();
        builder.Property(s => s.CompletedLate).IsConcurrencyToken();
        builder.Property(s => s.Refused).IsConcurrencyToken();
        builder.Property(s => s.Withdrawn).IsConcurrencyToken();
        builder.Property(s => s.SupplementRequests).IsConcurrencyToken();

        // Dashboards read a date range of a roll-up: commune × agency × day rows (procedure "*") and
        // procedure × day rows (commune "*"); the primary key serves one commune's detail.
        builder.HasIndex(s => new { s.ProcedureCode, s.Day });
        builder.HasIndex(s => new { s.CommuneCode, s.Day });
    }
}

internal sealed class SiteVisitDayConfiguration : IEntityTypeConfiguration<SiteVisitDay>
{
    public void Configure(EntityTypeBuilder<SiteVisitDay> builder) => builder.HasKey(v => v.Day);
}

internal sealed class SiteVisitorConfiguration : IEntityTypeConfiguration<SiteVisitor>
{
    public void Configure(EntityTypeBuilder<SiteVisitor> builder)
    {
        builder.HasKey(v => v.Visitor);
        builder.Property(v => v.Visitor).HasMaxLength(SiteVisitor.IdLength).IsUnicode(false);
        builder.HasIndex(v => v.LastSeenAt);
    }
}

internal sealed class BacklogCounterConfiguration : IEntityTypeConfiguration<BacklogCounter>
{
    public void Configure(EntityTypeBuilder<BacklogCounter> builder)
    {
        // The axis leads: each page reads one axis (all of it, or a range of days).
        builder.HasKey(c => new { c.Axis, c.CommuneCode, c.Agency, c.Day });
        builder.Property(c => c.Axis).HasConversion<int>();
        builder.Property(c => c.CommuneCode).HasMaxLength(CommuneCode.Length);
        builder.Property(c => c.Agency).HasConversion<int>();
        builder.Ignore(c => c.Key);
    }
}
