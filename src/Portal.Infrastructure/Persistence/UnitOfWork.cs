using Microsoft.EntityFrameworkCore;
using Portal.Domain.Catalogue;
using Portal.Domain.Common;
using Portal.Domain.Dossiers;
using Portal.Domain.Worklists;
using Portal.Infrastructure.Messaging.Contracts;
using Portal.Infrastructure.Messaging.Outbox;
using Portal.Infrastructure.Observability;
using Portal.Infrastructure.Statistics;

namespace Portal.Infrastructure.Persistence;

/// <summary>
/// Runs one business change as one transaction on the single write path: the change, and the outbox
/// rows for the domain events it raised, commit together or not at all.
/// </summary>
public sealed class UnitOfWork(PortalDbContext db, IWriteGate writeGate, OutboxSignal outboxSignal, TimeProvider clock, PortalMetrics metrics)
{
    public PortalDbContext Db => db;

    public async Task<T> ExecuteAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        // Opened before the write path: opening a connection (EF Core's functions, the per-connection pragmas) is
        // work no other writer needs to wait for. Closed again when this unit of work ends, as EF Core would.
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            return await ExecuteOpenAsync(work, cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task<T> ExecuteOpenAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        using var gate = await writeGate.EnterAsync(cancellationToken);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var result = await work(cancellationToken);
            await KeepWorklistInStepAsync(cancellationToken);
            var staged = StageOutboxMessages() | db.ChangeTracker.Entries<OutboxMessage>().Any(e => e.State == EntityState.Added);
            var counted = Count();
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            if (staged)
            {
                outboxSignal.Notify();
            }

            counted.Report(metrics);

            return result;
        }
        catch
        {
            db.ChangeTracker.Clear();
            throw;
        }
    }

    public Task ExecuteAsync(Func<CancellationToken, Task> work, CancellationToken cancellationToken) =>
        ExecuteAsync(
            async ct =>
            {
                await work(ct);
                return true;
            },
            cancellationToken);

    /// <summary>
    /// The worklist is a read model of the dossiers: every changed dossier's row is updated (or removed,
    /// once the dossier leaves the queue) in the same transaction as the change itself, and so are the
    /// open-backlog counters the supervisors read (<see cref="BacklogCounters"/>).
    /// </summary>
    private async Task KeepWorklistInStepAsync(CancellationToken cancellationToken)
    {
        var backlog = db.ChangeTracker.Entries<WorklistItem>().Where(e => e.State == EntityState.Added)
            .SelectMany(e => BacklogCounters.Change(null, BacklogState.Of(e.Entity))).ToList();
        var changed = db.ChangeTracker.Entries<Dossier>().Where(e => e.State == EntityState.Modified).Select(e => e.Entity).ToList();
        foreach (var dossier in changed)
        {
            var row = db.WorklistItems.Where(w => w.DossierId == dossier.Id);
            if (await row.AsNoTracking().Select(BacklogState.Projection).FirstOrDefaultAsync(cancellationToken) is not { } before)
            {
                continue; // not in a queue (yet)
            }

            if (dossier.Status is DossierStatus.ResultReturned or DossierStatus.Withdrawn or DossierStatus.RefusedAtReception or DossierStatus.Stopped)
            {
                await row.ExecuteDeleteAsync(cancellationToken);
                backlog.AddRange(BacklogCounters.Change(before, null));
                continue;
            }

            var awaitingSignature = dossier.ProposedOutcome != null;
            await row.ExecuteUpdateAsync(
                s => s.SetProperty(w => w.Status, dossier.Status)
                    .SetProperty(w => w.AssignedTo, dossier.AssignedTo)
                    .SetProperty(w => w.DueAt, dossier.DueAt)
                    .SetProperty(w => w.AppointmentAt, dossier.AppointmentAt)
                    .SetProperty(w => w.AwaitingSignature, awaitingSignature),
                cancellationToken);
            backlog.AddRange(BacklogCounters.Change(before, before with { Status = dossier.Status, DueAt = dossier.DueAt, AwaitingSignature = awaitingSignature }));
        }

        await BacklogCounters.ApplyAsync(db, backlog, cancellationToken);
    }

    /// <summary>What this transaction does to the portal's counters (one pass over the tracked entries), reported once it has committed.</summary>
    private Counted Count()
    {
        List<FilingChannel>? filed = null;
        var (routed, completed) = (0, 0);
        foreach (var entry in db.ChangeTracker.Entries())
        {
            switch (entry.Entity)
            {
                case Dossier dossier when entry.State == EntityState.Added:
                    (filed ??= []).Add(dossier.Channel);
                    break;
                case Dossier dossier when entry.State == EntityState.Modified && StatisticRules.Ends(dossier.Status)
                    && entry.Property(nameof(Dossier.Status)).OriginalValue is DossierStatus before && !StatisticRules.Ends(before):
                    completed++;
                    break;
                case WorklistItem when entry.State == EntityState.Added:
                    routed++;
                    break;
            }
        }

        return filed is null && routed == 0 && completed == 0 ? Counted.Nothing : new Counted(filed ?? [], routed, completed);
    }

    private sealed record Counted(List<FilingChannel> Filed, int Routed, int Completed)
    {
        public static readonly Counted Nothing = new([], 0, 0);

        public void Report(PortalMetrics metrics)
        {
            foreach (var channel in Filed.GroupBy(c => c))
            {
                metrics.Submitted(channel.Count(), channel.Key.ToString().ToLowerInvariant());
            }

            metrics.Routed(Routed);
            metrics.Completed(Completed);
        }
    }

    private bool StageOutboxMessages()
    {
        var aggregates = db.ChangeTracker.Entries<AggregateRoot>().Select(e => e.Entity).Where(a => a.DomainEvents.Count > 0).ToList();
        var staged = false;
        foreach (var aggregate in aggregates)
        {
            foreach (var message in aggregate.DomainEvents.SelectMany(IntegrationEvents.From))
            {
                OutboxWriter.Add(db, message, clock);
                staged = true;
            }

            aggregate.ClearDomainEvents();
        }

        return staged;
    }
}
