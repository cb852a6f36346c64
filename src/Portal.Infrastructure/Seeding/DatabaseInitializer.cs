using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Infrastructure.Identity.Oidc;
using Portal.Domain.Dossiers;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Statistics;

namespace Portal.Infrastructure.Seeding;

/// <summary>Start-up: create the data folder, migrate, switch SQLite to WAL, seed reference data (and demo accounts if asked).</summary>
public static class DatabaseInitializer
{
    /// <param name="force">Initialise even with <c>Database:MigrateOnStartup=false</c> (the <c>init</c> command of a deployment's one-shot job).</param>
    public static async Task InitializeAsync(IServiceProvider services, CancellationToken cancellationToken = default, bool force = false)
    {
        var options = services.GetRequiredService<DatabaseOptions>();
        if (!options.MigrateOnStartup && !force)
        {
            return;
        }

        // Replicas start together (a web and two processing processes, or a deployment's pods): on SQLite they
        // take turns through a lock file in the data folder (the OS releases it if a process dies); on SQL Server,
        // where replicas share no folder, a step that lost a race with another replica is run again (every step
        // is idempotent, so the second time it finds the other replica's rows).
        using var turn = options.Provider == DatabaseProvider.Sqlite ? await InitializationLock.AcquireAsync(options.DataDirectory, cancellationToken) : null;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await InitializeOnceAsync(services, options, cancellationToken);
                return;
            }
            catch (Exception ex) when (attempt < 5 && LostRaceWithAnotherReplica(ex))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(200, 1000) * attempt), cancellationToken);
            }
        }
    }

    private static bool LostRaceWithAnotherReplica(Exception exception) =>
        exception is OpenIddict.Abstractions.OpenIddictExceptions.ConcurrencyException or DbUpdateException || DatabaseBusy.Is(exception);

    private static async Task InitializeOnceAsync(IServiceProvider services, DatabaseOptions options, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        if (options.Provider == DatabaseProvider.Sqlite)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            await db.Database.CloseConnectionAsync();
        }

        await db.Database.MigrateAsync(cancellationToken);
        await scope.ServiceProvider.GetRequiredService<ReferenceDataSeeder>().SeedAsync(cancellationToken);
        await scope.ServiceProvider.GetRequiredService<OidcSeeder>().SeedAsync(cancellationToken);
        await FillMissingSearchKeysAsync(db, cancellationToken);
        await CountBacklogOnceAsync(scope.ServiceProvider.GetRequiredService<UnitOfWork>(), cancellationToken);
        await Messaging.Consumers.AuditChain.SealUnsealedAsync(scope.ServiceProvider.GetRequiredService<UnitOfWork>(), cancellationToken);
        if (options.SeedDemoAccounts)
        {
            await scope.ServiceProvider.GetRequiredService<DemoAccountSeeder>().SeedAsync();
        }
    }

    /// <summary>
    /// A database whose worklist predates the backlog counters (the BacklogCounters migration creates
    /// them empty) gets them counted here, once; afterwards the unit of work keeps them in step.
    /// </summary>
    private static async Task CountBacklogOnceAsync(UnitOfWork unitOfWork, CancellationToken cancellationToken)
    {
        var db = unitOfWork.Db;
        if (!await db.BacklogCounters.AnyAsync(cancellationToken) && await db.WorklistItems.AnyAsync(w => w.Status != DossierStatus.Processed, cancellationToken))
        {
            await unitOfWork.ExecuteAsync(ct => BacklogCounters.RecountAsync(db, null, ct), cancellationToken);
        }
    }

    /// <summary>
    /// Worklist rows written before the worklist carried a search key (the CaseworkWorkspace migration
    /// leaves it empty) get it here, folded like new rows: code, name and citizen ID, no case, no diacritics.
    /// </summary>
    private static async Task FillMissingSearchKeysAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        while (true)
        {
            var batch = await db.WorklistItems.AsNoTracking().Where(w => w.SearchKey == string.Empty).OrderBy(w => w.DossierId).Take(500).Select(w => w.DossierId).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                return;
            }

            var dossiers = await db.Dossiers.AsNoTracking().IgnoreAutoIncludes().Where(d => batch.Contains(d.Id)).ToListAsync(cancellationToken);
            foreach (var dossier in dossiers)
            {
                var key = Portal.Domain.Worklists.WorklistItem.SearchKeyOf(dossier);
                await db.WorklistItems.Where(w => w.DossierId == dossier.Id).ExecuteUpdateAsync(s => s.SetProperty(w => w.SearchKey, key), cancellationToken);
            }

            if (dossiers.Count < batch.Count)
            {
                // Rows without a dossier cannot exist (cascade), but never loop forever on them.
                return;
            }
        }
    }
}

/// <summary>An exclusive lock on <c>{data}/.initialize.lock</c>, waited for up to two minutes; released on dispose or when the process dies.</summary>
internal static class InitializationLock
{
    public static async Task<IDisposable> AcquireAsync(string dataDirectory, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(dataDirectory);
        var path = Path.Combine(dataDirectory, ".initialize.lock");
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100, cancellationToken);
            }
        }
    }
}
