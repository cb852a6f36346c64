using MassTransit;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Calendar;
using Portal.Infrastructure.Messaging.Contracts;
using Portal.Infrastructure.Messaging.Inbox;
using Portal.Infrastructure.Persistence;

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
/// Statistics fed by events: dossiers submitted and results issued (and whether on time) per commune
/// and day. The inbox row and the counter change share one transaction, so a redelivery counts once.
/// </summary>
public sealed class StatisticsConsumer(UnitOfWork unitOfWork, TimeProvider clock) : IConsumer<DossierSubmitted>, IConsumer<ResultIssued>
{
    public const string Name = "statistics";

    public Task Consume(ConsumeContext<DossierSubmitted> context) =>
        CountAsync(context, _ => Task.FromResult<(string, DateOnly, bool?)?>((context.Message.CommuneCode, VietnamTime.LocalDate(context.Message.FiledAt), null)));

    public Task Consume(ConsumeContext<ResultIssued> context)
    {
        var db = unitOfWork.Db;
        return CountAsync(context, async ct =>
        {
            var dossier = await db.Dossiers.AsNoTracking()
                .Where(d => d.Id == context.Message.DossierId)
                .Select(d => new { d.CommuneCode, d.DueAt })
                .FirstOrDefaultAsync(ct);
            return dossier is null
                ? null
                : (dossier.CommuneCode.Value, VietnamTime.LocalDate(context.Message.At), context.Message.At <= dossier.DueAt);
        });
    }

    /// <param name="locate">The commune, the day and, for a result, whether it was on time (null for a submission).</param>
    private Task CountAsync<T>(ConsumeContext<T> context, Func<CancellationToken, Task<(string Commune, DateOnly Day, bool? OnTime)?>> locate)
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
                if (await locate(ct) is not { } at)
                {
                    return;
                }

                var row = await db.CommuneDailyStatistics.FirstOrDefaultAsync(s => s.CommuneCode == at.Commune && s.Day == at.Day, ct);
                if (row is null)
                {
                    row = new CommuneDailyStatistic { CommuneCode = at.Commune, Day = at.Day };
                    db.CommuneDailyStatistics.Add(row);
                }

                if (at.OnTime is null)
                {
                    row.Submitted++;
                }
                else
                {
                    row.ResultsIssued++;
                    row.ResultsIssuedOnTime += at.OnTime.Value ? 1 : 0;
                }
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
        consumerConfigurator.UseMessageRetry(r => r.Intervals(50, 250, 1000));
    }
}
