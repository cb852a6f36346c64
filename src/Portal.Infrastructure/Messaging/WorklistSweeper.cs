using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Portal.Domain.Dossiers;
using Portal.Infrastructure.Messaging.Contracts;
using Portal.Infrastructure.Messaging.Outbox;
using Portal.Infrastructure.Persistence;

namespace Portal.Infrastructure.Messaging;

/// <summary>
/// Convergence: an open dossier that is in no worklist some time after filing (its message was lost in
/// flight, e.g. the in-memory bus died with the process) is routed again, through the outbox. Runs at
/// start-up and then periodically, in processes that process dossiers. Re-driving sends the dossier's own
/// <see cref="DossierSubmitted"/> again, with its message id (the dossier's id), so every consumer that already
/// has it skips it: the audit trail, the statistics and the notifications see one submission, and the worklist
/// consumer lands it once (a dossier whose first message is merely slow, e.g. while the broker is down, is
/// published twice and counted once). A re-drive with a new message id counted 22 dossiers twice in the
/// fault-injection harness's first full run.
/// </summary>
internal sealed partial class WorklistSweeper(
    IServiceScopeFactory scopes, MessagingOptions options, TimeProvider clock, ILogger<WorklistSweeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var redriven = await SweepAsync(stoppingToken);
                if (redriven > 0)
                {
                    LogRedriven(redriven);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogSweepFailed(ex);
            }

            await Task.Delay(options.Sweep.Interval, clock, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    internal async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var unitOfWork = scope.ServiceProvider.GetRequiredService<UnitOfWork>();
        var db = unitOfWork.Db;
        var cutoff = clock.GetUtcNow() - options.Sweep.Grace;
        var stranded = await db.Dossiers.AsNoTracking()
            .Where(d => d.FiledAt < cutoff
                && (d.Status == DossierStatus.New || d.Status == DossierStatus.Received || d.Status == DossierStatus.InProcess || d.Status == DossierStatus.SupplementRequested)
                && !db.WorklistItems.Any(w => w.DossierId == d.Id))
            .OrderBy(d => d.Status).ThenBy(d => d.FiledAt) // the (status, filed, id) index's order: with statistics SQLite would otherwise walk every dossier by date
            .Take(options.Sweep.BatchSize)
            .Select(d => new { d.Id, d.Code, d.ProcedureCode, d.CommuneCode, d.Agency, d.Channel, d.Applicant.FullName, d.FiledAt, d.DueAt })
            .ToListAsync(cancellationToken);
        if (stranded.Count == 0)
        {
            return 0;
        }

        await unitOfWork.ExecuteAsync(
            async ct =>
            {
                foreach (var d in stranded)
                {
                    // The same message again (its message id is the dossier's): consumers that have it already skip it.
                    var again = await db.OutboxMessages.Where(m => m.MessageId == d.Id)
                        .ExecuteUpdateAsync(s => s.SetProperty(m => m.SentAt, (DateTimeOffset?)null), ct);
                    if (again == 0)
                    {
                        // Its row is gone (or it was filed before message ids followed dossiers): write it anew.
                        OutboxWriter.Add(db, new DossierSubmitted(d.Id, d.Code.Value, d.ProcedureCode, d.CommuneCode.Value, d.Agency, d.Channel, d.FullName, d.FiledAt, d.DueAt), clock);
                    }
                }
            },
            cancellationToken);
        return stranded.Count;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Re-routed {Count} dossier(s) that had reached no worklist")]
    private partial void LogRedriven(int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Worklist sweep failed")]
    private partial void LogSweepFailed(Exception exception);
}
