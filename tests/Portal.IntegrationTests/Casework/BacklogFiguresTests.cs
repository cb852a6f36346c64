using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Calendar;
using Portal.Domain.Catalogue;
using Portal.Domain.Dossiers;
using Portal.Infrastructure.Statistics;
using Portal.IntegrationTests.Support;
using Portal.Web.Features.Supervision;

namespace Portal.IntegrationTests;

/// <summary>
/// The supervisors' open and overdue figures come from the backlog counters (days) plus today's hours
/// from the worklist's due-date index; whichever way today's due times fall around now, they equal a
/// direct count of the worklist, and the dashboard's forecast counts equal the forecast's list.
/// </summary>
public sealed class BacklogFiguresTests(PortalAppFactory portal) : IClassFixture<PortalAppFactory>
{
    [Fact]
    public async Task Overdue_and_forecast_figures_equal_a_direct_count_whether_todays_due_times_are_past_ahead_or_around_now()
    {
        var codes = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            codes.Add((await DossierFiler.FileAsync(portal.Services, "1.004222", PortalAppFactory.HamRong)).Value);
        }

        await Eventually.GetAsync(() => portal.QueryAsync(async db => await db.WorklistItems.CountAsync(w => codes.Contains(w.DossierCode)) == codes.Count ? true : (bool?)null), "the dossiers in their worklist");
        var now = DateTimeOffset.UtcNow;
        var today = VietnamTime.LocalDate(now);
        var (start, end) = (VietnamTime.AtLocal(today, TimeOnly.MinValue), VietnamTime.AtLocal(today.AddDays(1), TimeOnly.MinValue));
        var earlierToday = start + ((now - start) / 2);
        var laterToday = now + ((end - now) / 2);

        // Around now: one due earlier today, one later today, one in a week.
        await CaseworkTestData.SetDueAsync(portal, codes[0], earlierToday);
        await CaseworkTestData.SetDueAsync(portal, codes[1], laterToday);
        await CaseworkTestData.SetDueAsync(portal, codes[2], now.AddDays(7));
        Assert.Equal(1, await AssertFiguresMatchTheWorklistAsync());

        // All of today's past.
        await CaseworkTestData.SetDueAsync(portal, codes[1], earlierToday.AddSeconds(1));
        Assert.Equal(2, await AssertFiguresMatchTheWorklistAsync());

        // All of today's ahead.
        await CaseworkTestData.SetDueAsync(portal, codes[0], laterToday);
        await CaseworkTestData.SetDueAsync(portal, codes[1], laterToday.AddSeconds(1));
        Assert.Equal(0, await AssertFiguresMatchTheWorklistAsync());
    }

    /// <summary>Compares every queue's open and overdue figures with the worklist; returns the Hàm Rồng police queue's overdue count.</summary>
    private async Task<int> AssertFiguresMatchTheWorklistAsync()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var queries = scope.ServiceProvider.GetRequiredService<SupervisionQueries>();
        var db = scope.ServiceProvider.GetRequiredService<Portal.Infrastructure.Persistence.PortalDbContext>();
        var now = DateTimeOffset.UtcNow;
        var figures = await queries.ByQueueAsync(Period.Of(null, null, VietnamTime.LocalDate(now))!.Value, CancellationToken.None);
        var direct = (await db.WorklistItems.AsNoTracking().Where(w => w.Status != DossierStatus.Processed).Select(w => new { w.CommuneCode, w.Agency, w.DueAt }).ToListAsync())
            .GroupBy(w => (w.CommuneCode, w.Agency)).ToDictionary(g => g.Key, g => (Open: g.Count(), Overdue: g.Count(w => w.DueAt < now)));
        Assert.All(figures, f => Assert.Equal(direct.GetValueOrDefault((f.CommuneCode, f.Agency!.Value)), (f.Open, f.OpenOverdue)));
        Assert.Empty(await BacklogCounters.CompareAsync(db, CancellationToken.None));

        var listed = (await queries.BreachForecastAsync(null, CancellationToken.None)).CountBy(b => b.CommuneCode).OrderBy(c => c.Key).ToList();
        Assert.Equal(listed, (await queries.BreachCountsAsync(CancellationToken.None)).OrderBy(c => c.Key).ToList());
        return figures.Single(f => f.CommuneCode == PortalAppFactory.HamRong && f.Agency == HandlingAgency.CommunePolice).OpenOverdue;
    }
}
