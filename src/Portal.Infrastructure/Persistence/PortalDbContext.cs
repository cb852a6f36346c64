using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.AdministrativeUnits;
using Portal.Domain.Calendar;
using Portal.Domain.Catalogue;
using Portal.Domain.Dossiers;
using Portal.Domain.Fees;
using Portal.Domain.Worklists;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Messaging.Inbox;
using Portal.Infrastructure.Messaging.Outbox;

namespace Portal.Infrastructure.Persistence;

/// <summary>
/// The portal's database. Provider-specific subclasses exist only so that each provider keeps its
/// own migrations; the model is the same.
/// </summary>
public abstract class PortalDbContext(DbContextOptions options) : IdentityDbContext<PortalUser>(options)
{
    public DbSet<Commune> Communes => Set<Commune>();

    public DbSet<Procedure> Procedures => Set<Procedure>();

    public DbSet<FeeRule> FeeRules => Set<FeeRule>();

    public DbSet<PublicHoliday> PublicHolidays => Set<PublicHoliday>();

    public DbSet<Dossier> Dossiers => Set<Dossier>();

    public DbSet<DossierTransition> DossierTransitions => Set<DossierTransition>();

    public DbSet<WorklistItem> WorklistItems => Set<WorklistItem>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();

    internal DbSet<DossierCodeSequence> DossierCodeSequences => Set<DossierCodeSequence>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.UseOpenIddict();
        builder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcDateTimeOffsetConverter>();
    }
}

public sealed class SqlitePortalDbContext(DbContextOptions<SqlitePortalDbContext> options) : PortalDbContext(options);

public sealed class SqlServerPortalDbContext(DbContextOptions<SqlServerPortalDbContext> options) : PortalDbContext(options);
