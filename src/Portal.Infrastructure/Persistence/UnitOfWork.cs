using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Domain.Dossiers;
using Portal.Infrastructure.Messaging.Contracts;
using Portal.Infrastructure.Messaging.Outbox;

namespace Portal.Infrastructure.Persistence;

/// <summary>
/// Runs one business change as one transaction on the single write path: the change, and the outbox
/// rows for the domain events it raised, commit together or not at all.
/// </summary>
public sealed class UnitOfWork(PortalDbContext db, IWriteGate writeGate, OutboxSignal outboxSignal, TimeProvider clock)
{
    public PortalDbContext Db => db;

    public async Task<T> ExecuteAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        using var gate = await writeGate.EnterAsync(cancellationToken);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var result = await work(cancellationToken);
            await KeepWorklistInStepAsync(cancellationToken);
            var staged = StageOutboxMessages() | db.ChangeTracker.Entries<OutboxMessage>().Any(e => e.State == EntityState.Added);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            if (staged)
            {
                outboxSignal.Notify();
            }

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
    /// once the dossier leaves the queue) in the same transaction as the change itself.
    /// </summary>
    private async Task KeepWorklistInStepAsync(CancellationToken cancellationToken)
    {
        var changed = db.ChangeTracker.Entries<Dossier>().Where(e => e.State == EntityState.Modified).Select(e => e.Entity).ToList();
        foreach (var dossier in changed)
        {
            if (dossier.Status is DossierStatus.ResultReturned or DossierStatus.Withdrawn or DossierStatus.RefusedAtReception or DossierStatus.Stopped)
            {
                await db.WorklistItems.Where(w => w.DossierId == dossier.Id).ExecuteDeleteAsync(cancellationToken);
                continue;
            }

            await db.WorklistItems.Where(w => w.DossierId == dossier.Id).ExecuteUpdateAsync(
                s => s.SetProperty(w => w.Status, dossier.Status)
                    .SetProperty(w => w.AssignedTo, dossier.AssignedTo)
                    .SetProperty(w => w.DueAt, dossier.DueAt)
                    .SetProperty(w => w.AppointmentAt, dossier.AppointmentAt)
                    .SetProperty(w => w.AwaitingSignature, dossier.ProposedOutcome != null),
                cancellationToken);
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
