using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Portal.Domain.AdministrativeUnits;
using Portal.Domain.Calendar;
using Portal.Domain.Catalogue;
using Portal.Domain.Dossiers;
using Portal.Domain.Routing;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.ReferenceData;
using Portal.Infrastructure.Statistics;

namespace Portal.Web.Features.Supervision;

/// <summary>A closed range of local days.</summary>
public readonly record struct Period(DateOnly From, DateOnly To)
{
    public const int MaxDays = 731;

    public int Days => To.DayNumber - From.DayNumber + 1;

    /// <summary>The requested range, or the last 30 days; null when the request makes no sense (reversed, too long, out of era).</summary>
    public static Period? Of(DateOnly? from, DateOnly? to, DateOnly today)
    {
        var period = new Period(from ?? (to ?? today).AddDays(-29), to ?? today);
        return period.From > period.To || period.Days > MaxDays || period.From.Year < 2000 || period.To.Year > 2100 ? null : period;
    }
}

/// <summary>The figures of one unit (a commune, a queue, the province) for a period, from the counters and the worklist.</summary>
public sealed record UnitFigures(
    string CommuneCode, string CommuneName, HandlingAgency? Agency,
    int ReceivedOnline, int ReceivedDirect, int Early, int OnTime, int Late, int Refused, int Withdrawn, int Supplements, long WaivedVnd,
    int Open, int OpenOverdue, int Liked, int Disliked)
{
    public int Received => ReceivedOnline + ReceivedDirect;

    /// <summary>Filed with their papers held electronically (online, or scanned at filing).</summary>
    public int Digitised { get; init; }

    /// <summary>Filed with an earlier result attached by reference (data the portal already held, reused).</summary>
    public int ReusedData { get; init; }

    /// <summary>Decision 766: share of the dossiers received that are digitised.</summary>
    public double? DigitisedShare => Received == 0 ? null : 100.0 * Digitised / Received;

    /// <summary>Decision 766: share of the dossiers received that reused data the portal held.</summary>
    public double? ReusedShare => Received == 0 ? null : 100.0 * ReusedData / Received;

    public int Completed => Early + OnTime + Late;

    /// <summary>Decision 766: finished by the promised date (early or on time) over finished; null with nothing finished.</summary>
    public double? OnTimeRate => Completed == 0 ? null : 100.0 * (Early + OnTime) / Completed;

    public double? OnlineShare => Received == 0 ? null : 100.0 * ReceivedOnline / Received;

    /// <summary>
    /// Decision 766: 100% − (late rate + share of finished dossiers with a complaint or a "dislike"). The portal has no
    /// complaint channel yet, so the share is that of dislikes; both shares are of the dossiers finished in the period.
    /// </summary>
    public double? Satisfaction => Completed == 0 ? null : Math.Max(0, 100.0 - (100.0 * Late / Completed) - (100.0 * Disliked / Completed));

    public static UnitFigures Sum(string code, string name, HandlingAgency? agency, IEnumerable<UnitFigures> parts)
    {
        var list = parts.ToList();
        return new UnitFigures(
            code, name, agency, list.Sum(p => p.ReceivedOnline), list.Sum(p => p.ReceivedDirect), list.Sum(p => p.Early), list.Sum(p => p.OnTime),
            list.Sum(p => p.Late), list.Sum(p => p.Refused), list.Sum(p => p.Withdrawn), list.Sum(p => p.Supplements), list.Sum(p => p.WaivedVnd),
            list.Sum(p => p.Open), list.Sum(p => p.OpenOverdue), list.Sum(p => p.Liked), list.Sum(p => p.Disliked))
        {
            Digitised = list.Sum(p => p.Digitised), ReusedData = list.Sum(p => p.ReusedData),
        };
    }
}

public sealed record DayFigures(DateOnly Day, int Received, int Completed, int Late);

public sealed record ProcedureFigures(string ProcedureCode, string Name, int Completed, int Late, long ProcessingMinutes)
{
    public double LateRate => Completed == 0 ? 0 : 100.0 * Late / Completed;

    /// <summary>Decision 766: the average processing time, in days (24 hours) from reception to the end; null with nothing finished.</summary>
    public double? AverageDays => Completed == 0 ? null : ProcessingMinutes / (double)Completed / (24 * 60);
}

public sealed record AgeBucket(string Label, int Count);

public sealed record OfficerFigures(string UserName, int Open, int Overdue);

public sealed record Breach(string CommuneCode, string DossierCode, string QueueName, DateTimeOffset DueAt, DateOnly ExpectedDay);

/// <summary>Heat-map indicators and their colour thresholds (green at or above the first, yellow at or above the second).</summary>
public enum Indicator
{
    OnTime,
    Online,
    Satisfaction,
}

/// <summary>
/// Every figure the supervisors' pages, exports and the command centre's API show, read from the
/// event-built counters (<c>DossierStatistics</c>), the worklist read model and the ratings (which carry
/// their commune); never from the dossiers table.
/// </summary>
public sealed class SupervisionQueries(
    PortalDbContext db, WorkingCalendarProvider calendars, TimeProvider clock, IConfiguration configuration, IMemoryCache cache)
{
    /// <summary>48 working hours of 8 hours: the breach forecast's horizon in working days.</summary>
    public const int ForecastWorkingDays = 6;

    // One request (this class is scoped) asks for the province's "due earlier today" twice: the table and the forecast.
    private Task<Dictionary<(string, HandlingAgency), (int All, int ToWork)>>? _provinceDueTodayAndPast;

    public (double Green, double Yellow) Thresholds(Indicator indicator) => indicator switch
    {
        Indicator.Online => (configuration.GetValue("Stats:OnlineGreenAtLeast", 50.0), configuration.GetValue("Stats:OnlineYellowAtLeast", 30.0)),
        Indicator.Satisfaction => (configuration.GetValue("Stats:SatisfactionGreenAtLeast", 90.0), configuration.GetValue("Stats:SatisfactionYellowAtLeast", 75.0)),
        _ => (configuration.GetValue("Stats:GreenAtLeast", 95.0), configuration.GetValue("Stats:YellowAtLeast", 80.0)),
    };

    public static double? Value(UnitFigures unit, Indicator indicator) => indicator switch
    {
        Indicator.Online => unit.OnlineShare,
        Indicator.Satisfaction => unit.Satisfaction,
        _ => unit.OnTimeRate,
    };

    /// <summary><c>green</c>, <c>yellow</c>, <c>red</c>, or <c>none</c> when there is nothing to judge.</summary>
    public string Colour(double? value, Indicator indicator)
    {
        var (green, yellow) = Thresholds(indicator);
        return value switch
        {
            null => "none",
            var v when v >= green => "green",
            var v when v >= yellow => "yellow",
            _ => "red",
        };
    }

    /// <summary>One row per current commune × agency (332 for the province, 2 for one commune), zeros where nothing happened.</summary>
    public async Task<IReadOnlyList<UnitFigures>> ByQueueAsync(Period period, CancellationToken cancellationToken, string? commune = null)
    {
        var rollUp = Counters(period).Where(s => s.ProcedureCode == StatisticKey.All); // the commune × agency × day roll-up
        var counters = await (commune is null ? rollUp : rollUp.Where(s => s.CommuneCode == commune))
            .GroupBy(s => new { s.CommuneCode, s.Agency })
            .Select(g => new
            {
                g.Key.CommuneCode, g.Key.Agency,
                Online = g.Sum(s => s.ReceivedOnline), Direct = g.Sum(s => s.ReceivedDirect), Early = g.Sum(s => s.CompletedEarly),
                OnTime = g.Sum(s => s.CompletedOnTime), Late = g.Sum(s => s.CompletedLate), Refused = g.Sum(s => s.Refused),
                Withdrawn = g.Sum(s => s.Withdrawn), Supplements = g.Sum(s => s.SupplementRequests), Waived = g.Sum(s => s.WaivedVnd),
                Digitised = g.Sum(s => s.Digitised), Reused = g.Sum(s => s.ReusedData),
            })
            .ToListAsync(cancellationToken);
        var today = VietnamTime.LocalDate(clock.GetUtcNow());
        var open = await Backlog(BacklogAxis.Filed, commune)
            .GroupBy(c => new { c.CommuneCode, c.Agency })
            .Select(g => new { g.Key.CommuneCode, g.Key.Agency, Open = g.Sum(c => c.Count) })
            .ToListAsync(cancellationToken);
        var overdueBeforeToday = await Backlog(BacklogAxis.Due, commune).Where(c => c.Day < today)
            .GroupBy(c => new { c.CommuneCode, c.Agency })
            .Select(g => new { g.Key.CommuneCode, g.Key.Agency, Overdue = g.Sum(c => c.Count) })
            .ToListAsync(cancellationToken);
        var overdueToday = await DueTodayAndPastAsync(commune, cancellationToken);
        var (start, end) = (VietnamTime.AtLocal(period.From, TimeOnly.MinValue), VietnamTime.AtLocal(period.To.AddDays(1), TimeOnly.MinValue));
        var rated = db.DossierRatings.AsNoTracking().Where(r => r.At >= start && r.At < end);
        var ratings = await (commune is null ? rated : rated.Where(r => r.CommuneCode == commune))
            .GroupBy(r => new { r.CommuneCode, r.Agency })
            .Select(g => new { g.Key.CommuneCode, g.Key.Agency, Liked = g.Count(x => x.Liked), Disliked = g.Count(x => !x.Liked) })
            .ToListAsync(cancellationToken);
        var current = db.Communes.AsNoTracking().Where(c => c.SuccessorCode == null);
        var communes = await (commune is null ? current : current.Where(c => c.Code == CommuneCode.Parse(commune))).OrderBy(c => c.Code).ToListAsync(cancellationToken);
        return [.. communes.SelectMany(c => new[] { HandlingAgency.CommunePolice, HandlingAgency.CommuneCommittee }.Select(agency =>
        {
            var code = c.Code.Value;
            var n = counters.FirstOrDefault(x => x.CommuneCode == code && x.Agency == agency);
            var o = open.FirstOrDefault(x => x.CommuneCode == code && x.Agency == agency)?.Open ?? 0;
            var late = (overdueBeforeToday.FirstOrDefault(x => x.CommuneCode == code && x.Agency == agency)?.Overdue ?? 0)
                + overdueToday.GetValueOrDefault((code, agency)).All;
            var r = ratings.FirstOrDefault(x => x.CommuneCode == code && x.Agency == agency);
            return new UnitFigures(
                code, c.FullName, agency, n?.Online ?? 0, n?.Direct ?? 0, n?.Early ?? 0, n?.OnTime ?? 0, n?.Late ?? 0, n?.Refused ?? 0, n?.Withdrawn ?? 0,
                n?.Supplements ?? 0, n?.Waived ?? 0, o, late, r?.Liked ?? 0, r?.Disliked ?? 0)
            {
                Digitised = n?.Digitised ?? 0, ReusedData = n?.Reused ?? 0,
            };
        }))];
    }

    /// <summary>One row per current commune (both agencies together).</summary>
    public static IReadOnlyList<UnitFigures> ByCommune(IReadOnlyList<UnitFigures> queues) =>
        [.. queues.GroupBy(q => q.CommuneCode).Select(g => UnitFigures.Sum(g.Key, g.First().CommuneName, null, g))];

    public async Task<IReadOnlyList<DayFigures>> ByDayAsync(Period period, string? commune, CancellationToken cancellationToken)
    {
        var source = commune is null
            ? Counters(period).Where(s => s.CommuneCode == StatisticKey.All) // the procedure × day roll-up covers the province
            : Counters(period).Where(s => s.CommuneCode == commune && s.ProcedureCode == StatisticKey.All);
        var rows = await source
            .GroupBy(s => s.Day)
            .Select(g => new DayFigures(g.Key, g.Sum(s => s.ReceivedOnline + s.ReceivedDirect), g.Sum(s => s.CompletedEarly + s.CompletedOnTime + s.CompletedLate), g.Sum(s => s.CompletedLate)))
            .ToListAsync(cancellationToken);
        var byDay = rows.ToDictionary(r => r.Day);
        return [.. Enumerable.Range(0, period.Days).Select(i => period.From.AddDays(i)).Select(day => byDay.GetValueOrDefault(day) ?? new DayFigures(day, 0, 0, 0))];
    }

    /// <summary>Every procedure finished in the period (in a commune, or the province): finished, late, average processing time; by code.</summary>
    public async Task<IReadOnlyList<ProcedureFigures>> ByProcedureAsync(Period period, string? commune, CancellationToken cancellationToken)
    {
        var source = commune is null
            ? Counters(period).Where(s => s.CommuneCode == StatisticKey.All)
            : Counters(period).Where(s => s.CommuneCode == commune && s.ProcedureCode != StatisticKey.All);
        var rows = await source
            .GroupBy(s => s.ProcedureCode)
            .Select(g => new
            {
                Code = g.Key, Completed = g.Sum(s => s.CompletedEarly + s.CompletedOnTime + s.CompletedLate), Late = g.Sum(s => s.CompletedLate), Minutes = g.Sum(s => s.ProcessingMinutes),
            })
            .Where(x => x.Completed > 0)
            .ToListAsync(cancellationToken);
        var names = await db.Procedures.AsNoTracking().ToDictionaryAsync(p => p.Code, p => Format.Pick(p.NameVi, p.NameEn), cancellationToken);
        return [.. rows.Select(r => new ProcedureFigures(r.Code, names.GetValueOrDefault(r.Code, r.Code), r.Completed, r.Late, r.Minutes)).OrderBy(r => r.ProcedureCode, StringComparer.Ordinal)];
    }

    public static IReadOnlyList<ProcedureFigures> MostOftenLate(IReadOnlyList<ProcedureFigures> procedures, int take) =>
        [.. procedures.Where(p => p.Late > 0).OrderByDescending(r => r.Late).ThenByDescending(r => r.LateRate).ThenBy(r => r.ProcedureCode, StringComparer.Ordinal).Take(take)];

    /// <summary>The open backlog by age in days since the local day of filing (0–1, 2–3, 4–7, over 7), from the backlog counters.</summary>
    public async Task<IReadOnlyList<AgeBucket>> BacklogAsync(string? commune, CancellationToken cancellationToken)
    {
        var today = VietnamTime.LocalDate(clock.GetUtcNow());
        var byDay = await Backlog(BacklogAxis.Filed, commune).GroupBy(c => c.Day).Select(g => new { Day = g.Key, Count = g.Sum(c => c.Count) }).ToListAsync(cancellationToken);
        int Aged(int fromDays, int toDays) => byDay.Where(d => today.DayNumber - d.Day.DayNumber >= fromDays && today.DayNumber - d.Day.DayNumber <= toDays).Sum(d => d.Count);
        return [new AgeBucket("≤ 1", Aged(int.MinValue, 1)), new AgeBucket("2–3", Aged(2, 3)), new AgeBucket("4–7", Aged(4, 7)), new AgeBucket("> 7", Aged(8, int.MaxValue))];
    }

    public async Task<IReadOnlyList<OfficerFigures>> OfficersAsync(string queueName, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var rows = await db.WorklistItems.AsNoTracking()
            .Where(w => w.QueueName == queueName && w.Status != DossierStatus.Processed)
            .GroupBy(w => w.AssignedTo)
            .Select(g => new { g.Key, Open = g.Count(), Overdue = g.Count(w => w.DueAt < now) })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new OfficerFigures(r.Key ?? string.Empty, r.Open, r.Overdue)).OrderBy(r => r.UserName, StringComparer.Ordinal)];
    }

    /// <summary>
    /// The breach forecast, dossier by dossier (a commune's page, the export): in each queue, the open
    /// dossiers not waiting for a signature and due from now to the end of the 48th working hour (6
    /// working days), taken in due order at the queue's current pace (<see cref="BreachForecast"/>).
    /// </summary>
    public async Task<IReadOnlyList<Breach>> BreachForecastAsync(string? commune, CancellationToken cancellationToken)
    {
        var forecast = await ForecastAsync(commune, cancellationToken);
        var now = clock.GetUtcNow();
        var end = VietnamTime.AtLocal(forecast.Horizon.AddDays(1), TimeOnly.MinValue);
        var open = db.WorklistItems.AsNoTracking().Where(w => w.Status != DossierStatus.Processed && !w.AwaitingSignature && w.DueAt >= now && w.DueAt < end);
        var queues = commune is null ? null : new[] { HandlingAgency.CommunePolice, HandlingAgency.CommuneCommittee }.Select(a => new ProcessingQueue(CommuneCode.Parse(commune), a).Name).ToList();
        var due = await (queues is null ? open : open.Where(w => queues.Contains(w.QueueName)))
            .OrderBy(w => w.DueAt).ThenBy(w => w.DossierCode)
            .Select(w => new { w.QueueName, w.CommuneCode, w.Agency, w.DossierCode, w.DueAt })
            .ToListAsync(cancellationToken);
        var breaches = new List<Breach>();
        foreach (var queue in due.GroupBy(d => new { d.QueueName, d.CommuneCode, d.Agency }))
        {
            var pace = forecast.For(queue.Key.CommuneCode, queue.Key.Agency);
            var position = 0;
            foreach (var day in queue.GroupBy(d => VietnamTime.LocalDate(d.DueAt)))
            {
                var items = day.ToList();
                var missing = pace.Missing(position, items.Count, day.Key);
                foreach (var (item, index) in items.Select((item, index) => (item, index)).Skip(items.Count - missing))
                {
                    breaches.Add(new Breach(queue.Key.CommuneCode, item.DossierCode, queue.Key.QueueName, item.DueAt, pace.Expected(position + index + 1)));
                }

                position += items.Count;
            }
        }

        return breaches;
    }

    /// <summary>The breach forecast's count per commune (the dashboard), from the backlog counters: the same figures as <see cref="BreachForecastAsync"/>.</summary>
    public async Task<IReadOnlyDictionary<string, int>> BreachCountsAsync(CancellationToken cancellationToken)
    {
        var forecast = await ForecastAsync(null, cancellationToken);
        var rows = await Backlog(BacklogAxis.DueToWork, null).Where(c => c.Day >= forecast.Today && c.Day <= forecast.Horizon)
            .Select(c => new { c.CommuneCode, c.Agency, c.Day, c.Count })
            .ToListAsync(cancellationToken);
        var pastToday = await DueTodayAndPastAsync(null, cancellationToken);
        var counts = new Dictionary<string, int>();
        foreach (var queue in rows.GroupBy(r => (r.CommuneCode, r.Agency)))
        {
            var pace = forecast.For(queue.Key.CommuneCode, queue.Key.Agency);
            var position = 0;
            foreach (var day in queue.OrderBy(r => r.Day))
            {
                // Today's counter includes what fell due earlier today: overdue already, not forecast.
                var count = day.Day == forecast.Today ? Math.Max(0, day.Count - pastToday.GetValueOrDefault(queue.Key).ToWork) : day.Count; // two reads: never below zero
                counts[queue.Key.CommuneCode] = counts.GetValueOrDefault(queue.Key.CommuneCode) + pace.Missing(position, count, day.Day);
                position += count;
            }
        }

        return counts.Where(c => c.Value > 0).ToDictionary();
    }

    private async Task<BreachForecast> ForecastAsync(string? commune, CancellationToken cancellationToken)
    {
        var calendar = await calendars.GetAsync(cancellationToken);
        var today = VietnamTime.LocalDate(clock.GetUtcNow());
        var weekAgo = today.AddDays(-7);
        var rollUp = db.DossierStatistics.AsNoTracking().Where(s => s.ProcedureCode == StatisticKey.All && s.Day > weekAgo && s.Day <= today);
        var done = await (commune is null ? rollUp : rollUp.Where(s => s.CommuneCode == commune))
            .GroupBy(s => new { s.CommuneCode, s.Agency })
            .Select(g => new { g.Key.CommuneCode, g.Key.Agency, Done = g.Sum(s => s.CompletedEarly + s.CompletedOnTime + s.CompletedLate) })
            .ToListAsync(cancellationToken);
        return new BreachForecast(calendar, today, ForecastWorkingDays, Math.Max(1, calendar.WorkingDaysBetween(weekAgo, today)), done.ToDictionary(d => (d.CommuneCode, d.Agency), d => d.Done));
    }

    /// <summary>
    /// Per queue, the open dossiers due earlier today (the counters know days, not hours): all of them,
    /// and those not waiting for a signature. Dossiers fall due at office close, so usually all of today's
    /// are still ahead or all are past, which two seeks on the worklist's due-date index tell; only when
    /// now falls between today's first and last due time are today's entries counted from that index.
    /// </summary>
    private Task<Dictionary<(string, HandlingAgency), (int All, int ToWork)>> DueTodayAndPastAsync(string? commune, CancellationToken cancellationToken) =>
        commune is null ? _provinceDueTodayAndPast ??= CountDueTodayAndPastAsync(null, cancellationToken) : CountDueTodayAndPastAsync(commune, cancellationToken);

    private async Task<Dictionary<(string, HandlingAgency), (int All, int ToWork)>> CountDueTodayAndPastAsync(string? commune, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var today = VietnamTime.LocalDate(now);
        var (startOfToday, endOfToday) = (VietnamTime.AtLocal(today, TimeOnly.MinValue), VietnamTime.AtLocal(today.AddDays(1), TimeOnly.MinValue));
        var dueToday = db.WorklistItems.AsNoTracking().Where(w => w.DueAt >= startOfToday && w.DueAt < endOfToday).Select(w => (DateTimeOffset?)w.DueAt);
        var first = await dueToday.OrderBy(d => d).FirstOrDefaultAsync(cancellationToken);
        if (first is null || first >= now)
        {
            return [];
        }

        if (await dueToday.OrderByDescending(d => d).FirstAsync(cancellationToken) < now)
        {
            var axes = await Backlog(null, commune).Where(c => c.Day == today && (c.Axis == BacklogAxis.Due || c.Axis == BacklogAxis.DueToWork))
                .Select(c => new { c.CommuneCode, c.Agency, c.Axis, c.Count })
                .ToListAsync(cancellationToken);
            return axes.GroupBy(c => (c.CommuneCode, c.Agency)).ToDictionary(
                g => g.Key, g => (g.Where(c => c.Axis == BacklogAxis.Due).Sum(c => c.Count), g.Where(c => c.Axis == BacklogAxis.DueToWork).Sum(c => c.Count)));
        }

        var past = db.WorklistItems.AsNoTracking().Where(w => w.DueAt >= startOfToday && w.DueAt < now && w.Status != DossierStatus.Processed);
        var rows = await (commune is null ? past : past.Where(w => w.CommuneCode == commune))
            .GroupBy(w => new { w.CommuneCode, w.Agency })
            .Select(g => new { g.Key.CommuneCode, g.Key.Agency, All = g.Count(), ToWork = g.Count(w => !w.AwaitingSignature) })
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(r => (r.CommuneCode, r.Agency), r => (r.All, r.ToWork));
    }

    private IQueryable<BacklogCounter> Backlog(BacklogAxis? axis, string? commune)
    {
        var rows = axis is null ? db.BacklogCounters.AsNoTracking() : db.BacklogCounters.AsNoTracking().Where(c => c.Axis == axis);
        return commune is null ? rows : rows.Where(c => c.CommuneCode == commune);
    }

    /// <summary>The fees citizens did not pay since the portal opened: a sum over every counter row, so kept for a minute.</summary>
    public async Task<long> WaivedSinceStartAsync(CancellationToken cancellationToken) =>
        await cache.GetOrCreateAsync("supervision:waived-since-start", async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(1);
            // The procedure × day roll-up: a few procedures per day, against 332 queues per day in the other.
            return await db.DossierStatistics.AsNoTracking().Where(s => s.CommuneCode == StatisticKey.All).SumAsync(s => s.WaivedVnd, cancellationToken);
        });

    private IQueryable<DossierStatistic> Counters(Period period) =>
        db.DossierStatistics.AsNoTracking().Where(s => s.Day >= period.From && s.Day <= period.To);
}
