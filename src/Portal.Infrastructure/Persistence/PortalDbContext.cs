using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.AdministrativeUnits;
using Portal.Domain.Calendar;
using Portal.Domain.Catalogue;
using Portal.Domain.Documents;
using Portal.Domain.Dossiers;
using Portal.Infrastructure.Citizens;
using Portal.Domain.Fees;
using Portal.Domain.Worklists;
using Portal.Infrastructure.Fees;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Messaging.Inbox;
using Portal.Infrastructure.Messaging.Outbox;

namespace Portal.Infrastructure.Persistence;

/// <summary>
/// The portal's database. Provider-specific subclasses exist only so that each provider keeps its
/// own migrations; the model is the same.
/// </summary>
public abstract class PortalDbContext(DbContextOptions options, IWriteGate writeGate) : IdentityDbContext<PortalUser>(options), IDataProtectionKeyContext
{
    /// <summary>ASP.NET Core Data Protection's keys, when <c>DataProtection:Store</c> is <c>Database</c>: every web replica reads the same ones.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Commune> Communes => Set<Commune>();

    public DbSet<Procedure> Procedures => Set<Procedure>();

    public DbSet<FeeRule> FeeRules => Set<FeeRule>();

    public DbSet<FeeRuleChange> FeeRuleChanges => Set<FeeRuleChange>();

    public DbSet<PublicHoliday> PublicHolidays => Set<PublicHoliday>();

    public DbSet<Seeding.SeedStamp> SeedStamps => Set<Seeding.SeedStamp>();

    public DbSet<Dossier> Dossiers => Set<Dossier>();

    public DbSet<DossierTransition> DossierTransitions => Set<DossierTransition>();

    public DbSet<WorklistItem> WorklistItems => Set<WorklistItem>();

    public DbSet<Statistics.BacklogCounter> BacklogCounters => Set<Statistics.BacklogCounter>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();

    public DbSet<Attachment> Attachments => Set<Attachment>();

    public DbSet<Messaging.Consumers.DossierEvent> DossierEvents => Set<Messaging.Consumers.DossierEvent>();

    public DbSet<Messaging.Consumers.CommuneDailyStatistic> CommuneDailyStatistics => Set<Messaging.Consumers.CommuneDailyStatistic>();

    public DbSet<AdministrativeUnits.UnitChange> UnitChanges => Set<AdministrativeUnits.UnitChange>();

    public DbSet<Messaging.Parking.ParkedMessage> ParkedMessages => Set<Messaging.Parking.ParkedMessage>();

    public DbSet<Messaging.Parking.ParkedMessageDecision> ParkedMessageDecisions => Set<Messaging.Parking.ParkedMessageDecision>();

    public DbSet<DossierResult> DossierResults => Set<DossierResult>();

    public DbSet<DossierDraft> DossierDrafts => Set<DossierDraft>();

    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<DossierAccess> DossierAccesses => Set<DossierAccess>();

    public DbSet<DossierRating> DossierRatings => Set<DossierRating>();

    public DbSet<DeadlineEvent> DeadlineEvents => Set<DeadlineEvent>();

    public DbSet<Identity.StaffLeave> StaffLeaves => Set<Identity.StaffLeave>();

    public DbSet<Identity.LeaderDelegation> LeaderDelegations => Set<Identity.LeaderDelegation>();

    public DbSet<Identity.StaffDigest> StaffDigests => Set<Identity.StaffDigest>();

    public DbSet<Statistics.DossierStatistic> DossierStatistics => Set<Statistics.DossierStatistic>();

    public DbSet<Statistics.SiteVisitDay> SiteVisitDays => Set<Statistics.SiteVisitDay>();

    public DbSet<Statistics.SiteVisitor> SiteVisitors => Set<Statistics.SiteVisitor>();

    internal DbSet<DossierCodeSequence> DossierCodeSequences => Set<DossierCodeSequence>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.UseOpenIddict();
        builder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly);
    }

    /// <summary>
    /// Every SaveChanges (ours, Identity's, OpenIddict's) takes the single write path, whatever it throws
    /// (an interceptor's "failed" callback is skipped for concurrency exceptions, so the gate lives here).
    /// Inside a <see cref="UnitOfWork"/> the gate is already held and re-entered. Bulk ExecuteUpdate/
    /// ExecuteDelete calls take it explicitly.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        using (await writeGate.EnterAsync(cancellationToken))
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        using (writeGate.Enter())
        {
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcDateTimeOffsetConverter>();
    }
}

public sealed class SqlitePortalDbContext(DbContextOptions<SqlitePortalDbContext> options, IWriteGate writeGate) : PortalDbContext(options, writeGate);

public sealed class SqlServerPortalDbContext(DbContextOptions<SqlServerPortalDbContext> options, IWriteGate writeGate) : PortalDbContext(options, writeGate);
