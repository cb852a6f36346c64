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
/// start-up and then periodically, in processes that process dossiers. Re-driving is safe: the worklist
/// consumer is idempotent (a dossier whose first message is merely slow, e.g. while the broker is down,
/// is published twice and lands once).
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
            _ =>
            {
                foreach (var d in stranded)
                {
                    OutboxWriter.Add(db, new DossierSubmitted(d.Id, d.Code.Value, d.ProcedureCode, d.CommuneCode.Value, d.Agency, d.Channel, d.FullName, d.FiledAt, d.DueAt), clock);
                }

                return Task.CompletedTask;
            },
            cancellationToken);
        return stranded.Count;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Re-routed {Count} dossier(s) that had reached no worklist")]
    private partial void LogRedriven(int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Worklist sweep failed")]
    private partial void LogSweepFailed(Exception exception);
}
