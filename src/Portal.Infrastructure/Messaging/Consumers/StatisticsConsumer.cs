using MassTransit;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Documents;
using Portal.Infrastructure.Messaging.Contracts;
using Portal.Infrastructure.Messaging.Inbox;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Statistics;

namespace Portal.Infrastructure.Messaging.Consumers;

/// <summary>A commune's counts for one local (Asia/Ho_Chi_Minh) day, kept up to date from the bus's events.</summary>
public sealed class CommuneDailyStatistic
{
    public required string CommuneCode { get; init; }

    public required DateOnly Day { get; init; }

    public int Submitted { get; set; }

    public int ResultsIssued { get; set; }

    public int ResultsIssuedOnTime { get; set; }
}

/// <summary>
/// Statistics fed by events: per commune and day (submissions, results issued and on time) and, for the
/// supervisors, per commune × agency × procedure × day (<see cref="DossierStatistic"/>: received online or
/// direct, completed early / on time / late, refused, withdrawn, supplement requests, fees waived). The
/// inbox row and the counter changes share one transaction, so a redelivery counts once.
/// </summary>
public sealed class StatisticsConsumer(UnitOfWork unitOfWork, TimeProvider clock)
    : IConsumer<DossierSubmitted>, IConsumer<ResultIssued>, IConsumer<DossierStatusChangedMessage>, IConsumer<SupplementRequested>
{
    public const string Name = "statistics";

    public Task Consume(ConsumeContext<DossierSubmitted> context) => ApplyAsync(context, async (db, ct) =>
    {
        var m = context.Message;
        var day = StatisticRules.Day(m.FiledAt);
        (await DailyAsync(db, m.CommuneCode, day, ct)).Submitted++;
        var fee = await db.Dossiers.AsNoTracking().Where(d => d.Id == m.DossierId).Select(d => d.Fee).FirstOrDefaultAsync(ct);
        // The files attached at filing were written in the same transaction as the dossier (and its event).
        var kinds = await db.Attachments.AsNoTracking().Where(a => a.DossierId == m.DossierId && (a.Kind == AttachmentKind.Upload || a.Kind == AttachmentKind.ReusedResult))
            .Select(a => a.Kind).Distinct().ToListAsync(ct);
        foreach (var key in new StatisticKey(m.CommuneCode, m.Agency, m.ProcedureCode, day).WithRollUps())
        {
            StatisticRules.Filed(await RowAsync(db, key, ct), m.Channel, fee?.WaivedVnd ?? 0, kinds.Contains(AttachmentKind.Upload), kinds.Contains(AttachmentKind.ReusedResult));
        }
    });

    public Task Consume(ConsumeContext<ResultIssued> context) => ApplyAsync(context, async (db, ct) =>
    {
        var dossier = await db.Dossiers.AsNoTracking()
            .Where(d => d.Id == context.Message.DossierId)
            .Select(d => new { d.CommuneCode, d.DueAt })
            .FirstOrDefaultAsync(ct);
        if (dossier is not null)
        {
            var row = await DailyAsync(db, dossier.CommuneCode.Value, StatisticRules.Day(context.Message.At), ct);
            row.ResultsIssued++;
            row.ResultsIssuedOnTime += context.Message.At <= dossier.DueAt ? 1 : 0;
        }
    });

    public Task Consume(ConsumeContext<DossierStatusChangedMessage> context) => ApplyAsync(context, async (db, ct) =>
    {
        var m = context.Message;
        if (!StatisticRules.Ends(m.To))
        {
            return;
        }

        var dossier = await db.Dossiers.AsNoTracking()
            .Where(d => d.Id == m.DossierId)
            .Select(d => new { d.CommuneCode, d.Agency, d.ProcedureCode, d.Outcome, d.Timeliness, d.FiledAt, d.ReceivedAt, d.CompletedAt })
            .FirstOrDefaultAsync(ct);
        if (dossier is not null)
        {
            var processing = StatisticRules.Processing(dossier.FiledAt, dossier.ReceivedAt, dossier.CompletedAt ?? m.At);
            foreach (var key in new StatisticKey(dossier.CommuneCode.Value, dossier.Agency, dossier.ProcedureCode, StatisticRules.Day(m.At)).WithRollUps())
            {
                StatisticRules.Completed(await RowAsync(db, key, ct), m.To, dossier.Outcome, dossier.Timeliness, processing);
            }
        }
    });

    public Task Consume(ConsumeContext<SupplementRequested> context) => ApplyAsync(context, async (db, ct) =>
    {
        var dossier = await db.Dossiers.AsNoTracking()
            .Where(d => d.Id == context.Message.DossierId)
            .Select(d => new { d.CommuneCode, d.Agency, d.ProcedureCode })
            .FirstOrDefaultAsync(ct);
        if (dossier is not null)
        {
            foreach (var key in new StatisticKey(dossier.CommuneCode.Value, dossier.Agency, dossier.ProcedureCode, StatisticRules.Day(context.Message.At)).WithRollUps())
            {
                StatisticRules.SupplementRequested(await RowAsync(db, key, ct));
            }
        }
    });

    /// <summary>The counter row for the key: already in this transaction, in the database, or new.</summary>
    internal static async Task<DossierStatistic> RowAsync(PortalDbContext db, StatisticKey key, CancellationToken cancellationToken)
    {
        var row = db.DossierStatistics.Local.FirstOrDefault(s => s.Key == key)
            ?? await db.DossierStatistics.FirstOrDefaultAsync(
                s => s.CommuneCode == key.CommuneCode && s.Agency == key.Agency && s.ProcedureCode == key.ProcedureCode && s.Day == key.Day, cancellationToken);
        if (row is null)
        {
            row = DossierStatistic.Empty(key);
            db.DossierStatistics.Add(row);
        }

        return row;
    }

    private static async Task<CommuneDailyStatistic> DailyAsync(PortalDbContext db, string commune, DateOnly day, CancellationToken cancellationToken)
    {
        var row = await db.CommuneDailyStatistics.FirstOrDefaultAsync(s => s.CommuneCode == commune && s.Day == day, cancellationToken);
        if (row is null)
        {
            row = new CommuneDailyStatistic { CommuneCode = commune, Day = day };
            db.CommuneDailyStatistics.Add(row);
        }

        return row;
    }

    private Task ApplyAsync<T>(ConsumeContext<T> context, Func<PortalDbContext, CancellationToken, Task> apply)
        where T : class
    {
        var messageId = context.MessageId ?? throw new InvalidOperationException("An event without a message id.");
        var db = unitOfWork.Db;
        return unitOfWork.ExecuteAsync(
            async ct =>
            {
                if (await db.InboxMessages.AnyAsync(m => m.MessageId == messageId && m.Consumer == Name, ct))
                {
                    return;
                }

                db.InboxMessages.Add(new InboxMessage { MessageId = messageId, Consumer = Name, ProcessedAt = clock.GetUtcNow() });
                await apply(db, ct);
            },
            context.CancellationToken);
    }
}

public sealed class StatisticsConsumerDefinition : ConsumerDefinition<StatisticsConsumer>
{
    public const string QueueName = "dossier-statistics";

    public StatisticsConsumerDefinition()
    {
        EndpointName = QueueName;
        ConcurrentMessageLimit = 1; // counters: one writer keeps the read-modify-write simple on every provider
    }

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator, IConsumerConfigurator<StatisticsConsumer> consumerConfigurator, IRegistrationContext context)
    {
        // Processing replicas on SQL Server meet on the same counter rows (the province-wide roll-ups): a write
        // from a stale read is refused (concurrency tokens) and tried again with fresh counts, a few more times
        // than elsewhere, with growing pauses; what still fails is parked and redelivered later.
        consumerConfigurator.UseMessageRetry(r => r.Intervals(20, 50, 100, 250, 500, 1000, 2000));
    }
}
