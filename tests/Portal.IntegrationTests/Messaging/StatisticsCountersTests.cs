using MassTransit;
using Xunit.Abstractions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Dossiers;
using Portal.Infrastructure.Messaging.Consumers;
using Portal.Infrastructure.Messaging.Contracts;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.ReferenceData;
using Portal.Infrastructure.Statistics;
using Portal.IntegrationTests.Support;
using Portal.Web.Features.Supervision;

namespace Portal.IntegrationTests.Messaging;

/// <summary>
/// The supervisors' counters, built only from the bus's events, equal a recount from the dossiers after a
/// randomised stream of filings and casework (every act of the lifecycle), with some events delivered twice.
/// </summary>
public sealed class StatisticsCountersTests(PortalAppFactory portal, ITestOutputHelper output) : IClassFixture<PortalAppFactory>
{
    private static readonly string[] Procedures = ["1.001193", "1.004222", "2.000884", "1.004194"];

    [Fact]
    public async Task Counters_built_from_events_equal_a_recount_from_the_dossiers_even_with_redeliveries()
    {
        var seed = Environment.TickCount;
        output.WriteLine($"seed {seed}");
        var random = new Random(seed);
        var codes = new List<string>();
        for (var i = 0; i < 40; i++)
        {
            codes.Add((await DossierFiler.FileAsync(portal.Services, Procedures[random.Next(Procedures.Length)], random.Next(2) == 0 ? PortalAppFactory.HamRong : PortalAppFactory.HacThanh)).Value);
        }

        // Every path at least once (the first seven), then at random.
        foreach (var (code, i) in codes.Select((code, i) => (code, i)))
        {
            await WorkAsync(code, i < 7 ? i : random.Next(7), random);
        }

        // A burst of same-day procedures left open in one queue, more than its pace clears: the forecast has something to find.
        for (var i = 0; i < 12; i++)
        {
            codes.Add((await DossierFiler.FileAsync(portal.Services, "1.001193", PortalAppFactory.HamRong)).Value);
        }

        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var differences = await Eventually.GetAsync(
                async () => await StatisticsRecount.CompareAsync(db, CancellationToken.None) is { Count: 0 } none ? none : null,
                "the counters to catch up with the dossiers", TimeSpan.FromSeconds(60));
            Assert.Empty(differences);

            // The open-backlog counters, kept with the worklist in each transaction, equal a recount of it.
            var open = await db.Dossiers.CountAsync(d => d.CompletedAt == null);
            await Eventually.GetAsync(
                async () => await db.WorklistItems.CountAsync(w => w.Status != DossierStatus.Processed) == open ? true : (bool?)null,
                "every open dossier in its worklist", TimeSpan.FromSeconds(60));
            Assert.Empty(await BacklogCounters.CompareAsync(db, CancellationToken.None));
            var filed = await db.BacklogCounters.Where(c => c.Axis == BacklogAxis.Filed).SumAsync(c => c.Count);
            var toWork = await db.BacklogCounters.Where(c => c.Axis == BacklogAxis.DueToWork).SumAsync(c => c.Count);
            Assert.Equal(open, filed);
            Assert.True(toWork < filed, "the dossier awaiting a signature is left out of the forecast's axis");

            // The dashboard's breach counts (from the counters) are the forecast's list (from the worklist) counted.
            var queries = scope.ServiceProvider.GetRequiredService<SupervisionQueries>();
            var listed = (await queries.BreachForecastAsync(null, CancellationToken.None)).CountBy(b => b.CommuneCode).OrderBy(c => c.Key).ToList();
            Assert.Equal(listed, (await queries.BreachCountsAsync(CancellationToken.None)).OrderBy(c => c.Key).ToList());
            output.WriteLine($"open {open}, forecast to miss {listed.Sum(c => c.Value)}");
            Assert.True(listed.Sum(c => c.Value) > 0, "the burst is forecast to miss its date");
        }

        // Deliver a sample of the same events again (same message ids): nothing may change.
        var trail = await portal.QueryAsync(db => db.DossierEvents.Where(e => e.Type != nameof(DossierRouted)).ToListAsync());
        var bus = portal.Services.GetRequiredService<IBus>();
        var json = new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };
        var again = trail.OrderBy(_ => random.Next()).Take(30).ToList();
        foreach (var e in again)
        {
            var type = IntegrationEvents.Resolve(typeof(DossierSubmitted).Namespace + "." + e.Type);
            var message = System.Text.Json.JsonSerializer.Deserialize(e.Body, type, json)!;
            await bus.Publish(message, type, c => c.MessageId = e.MessageId);
        }

        // A last event with a new id; the statistics queue takes one message at a time, so once it is in the inbox the repeats were seen.
        var canary = NewId.NextGuid();
        await bus.Publish(new ResultIssued(Guid.NewGuid(), "14758-000000-0000", DateTimeOffset.UtcNow), c => c.MessageId = canary);
        await Eventually.GetAsync(() => portal.QueryAsync(db => db.InboxMessages.FirstOrDefaultAsync(m => m.MessageId == canary && m.Consumer == StatisticsConsumer.Name)), "the canary counted");

        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            Assert.Empty(await StatisticsRecount.CompareAsync(db, CancellationToken.None));
            var totals = await db.DossierStatistics.AsNoTracking().Where(s => s.CommuneCode != StatisticKey.All && s.ProcedureCode != StatisticKey.All).ToListAsync();
            var communeRollUp = await db.DossierStatistics.AsNoTracking().Where(s => s.ProcedureCode == StatisticKey.All).SumAsync(s => s.ReceivedOnline + s.ReceivedDirect);
            var procedureRollUp = await db.DossierStatistics.AsNoTracking().Where(s => s.CommuneCode == StatisticKey.All).SumAsync(s => s.ReceivedOnline + s.ReceivedDirect);
            Assert.Equal((codes.Count, codes.Count), (communeRollUp, procedureRollUp));
            Assert.Equal(codes.Count, totals.Sum(s => s.ReceivedOnline + s.ReceivedDirect));
            Assert.True(totals.Sum(s => s.CompletedEarly + s.CompletedOnTime + s.CompletedLate) > 0, "some dossiers completed");
            Assert.True(totals.Sum(s => s.SupplementRequests) > 0, "some supplements requested");

            // The rebuild command's path: replacing the counters by the recount changes nothing.
            await StatisticsRecount.RebuildAsync(scope.ServiceProvider.GetRequiredService<UnitOfWork>(), CancellationToken.None);
            Assert.Empty(await StatisticsRecount.CompareAsync(db, CancellationToken.None));
        }
    }

    /// <summary>Walks one dossier a random way through the lifecycle, as officers, leaders and the citizen would.</summary>
    private async Task WorkAsync(string code, int path, Random random)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var unitOfWork = scope.ServiceProvider.GetRequiredService<UnitOfWork>();
        var calendar = await scope.ServiceProvider.GetRequiredService<WorkingCalendarProvider>().GetAsync(CancellationToken.None);
        var db = unitOfWork.Db;
        var officer = new ActorRef("officer", "CommitteeOfficer");
        var leader = new ActorRef("leader", "CommitteeLeader");
        await unitOfWork.ExecuteAsync(
            async ct =>
            {
                var dossier = await db.Dossiers.Include(d => d.History).SingleAsync(d => d.Code == DossierCode.Parse(code), ct);
                var limit = (await db.Procedures.AsNoTracking().SingleAsync(p => p.Code == dossier.ProcedureCode, ct)).TimeLimit;
                var now = DateTimeOffset.UtcNow;
                switch (path)
                {
                    case 0:
                        break; // still new
                    case 6:
                        dossier.Receive(officer, now, calendar, limit);
                        dossier.StartProcessing(officer, now);
                        dossier.Propose(officer, now, ProcessingOutcome.Approved, "Đủ điều kiện");
                        break; // awaiting the leader's signature
                    case 1:
                        dossier.RefuseAtReception(officer, now, "Không thuộc thẩm quyền");
                        break;
                    case 2:
                        dossier.Withdraw(new ActorRef("citizen"), now, null);
                        break;
                    default:
                        dossier.Receive(officer, now, calendar, limit);
                        dossier.StartProcessing(officer, now);
                        var supplements = path == 5 ? 2 : path == 4 ? 1 : 0;
                        for (var i = 0; i < supplements; i++)
                        {
                            dossier.RequestSupplement(officer, now, "Bổ sung");
                            dossier.RecordSupplement(new ActorRef("citizen"), now, calendar);
                        }

                        if (random.Next(4) == 0)
                        {
                            dossier.Stop(officer, now, "Công dân đề nghị dừng");
                            break;
                        }

                        dossier.Propose(officer, now, random.Next(3) == 0 ? ProcessingOutcome.Refused : ProcessingOutcome.Approved, "Lý do");
                        dossier.Approve(leader, now);
                        if (random.Next(2) == 0)
                        {
                            dossier.ReturnResult(officer, now);
                        }

                        break;
                }
            },
            CancellationToken.None);
    }
}
