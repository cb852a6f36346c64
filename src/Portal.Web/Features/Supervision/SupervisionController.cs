using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.AdministrativeUnits;
using Portal.Domain.Calendar;
using Portal.Domain.Catalogue;
using Portal.Domain.Routing;
using Portal.Infrastructure.Persistence;
using Portal.Web.Authorization;

namespace Portal.Web.Features.Supervision;

/// <summary>
/// The province supervisors' view: are dossiers flowing (throughput), where are they stuck (backlog,
/// ageing, breach forecast), which communes are green (heat map, Decision 766 scorecard); drill-down
/// province → commune → queue → officer; CSV export. Everything from the counters and the worklist.
/// </summary>
[Authorize(Policy = Policies.Supervisor)]
public sealed class SupervisionController(SupervisionQueries queries, PortalDbContext db, TimeProvider clock, SiteActivity activity) : Controller
{
    [HttpGet("/giam-sat")]
    public async Task<IActionResult> Index(DateOnly? from, DateOnly? to, Indicator indicator, CancellationToken cancellationToken)
    {
        if (PeriodOf(from, to) is not { } period)
        {
            return PeriodProblem();
        }

        var queues = await queries.ByQueueAsync(period, cancellationToken);
        var communes = SupervisionQueries.ByCommune(queues);
        var province = UnitFigures.Sum("38", "Tỉnh Thanh Hóa", null, communes);
        var breaches = await queries.BreachForecastAsync(null, cancellationToken);
        return View(new DashboardView(
            period, indicator, province, communes, await queries.ByDayAsync(period, null, cancellationToken),
            await queries.BacklogAsync(null, cancellationToken), await queries.MostOftenLateAsync(period, null, 5, cancellationToken),
            breaches.GroupBy(b => b.CommuneCode).ToDictionary(g => g.Key, g => g.Count()), await queries.WaivedSinceStartAsync(cancellationToken),
            queries.Thresholds(indicator), u => queries.Colour(SupervisionQueries.Value(u, indicator), indicator),
            await LivenessAsync(cancellationToken)));
    }

    [HttpGet("/giam-sat/xa/{code}")]
    public async Task<IActionResult> Commune(string code, DateOnly? from, DateOnly? to, CancellationToken cancellationToken)
    {
        if (!CommuneCode.IsValid(code) || await db.Communes.AsNoTracking().FirstOrDefaultAsync(c => c.Code == CommuneCode.Parse(code), cancellationToken) is not { } commune)
        {
            return NotFound();
        }

        if (PeriodOf(from, to) is not { } period)
        {
            return PeriodProblem();
        }

        var queues = (await queries.ByQueueAsync(period, cancellationToken)).Where(q => q.CommuneCode == code).ToList();
        var officers = new Dictionary<HandlingAgency, IReadOnlyList<OfficerFigures>>();
        foreach (var agency in new[] { HandlingAgency.CommunePolice, HandlingAgency.CommuneCommittee })
        {
            officers[agency] = await queries.OfficersAsync(new ProcessingQueue(commune.Code, agency).Name, cancellationToken);
        }

        return View(new CommuneView(
            period, commune, UnitFigures.Sum(code, commune.FullName, null, queues), queues, officers,
            await queries.ByDayAsync(period, code, cancellationToken), await queries.BacklogAsync(code, cancellationToken),
            await queries.MostOftenLateAsync(period, code, 5, cancellationToken), await queries.BreachForecastAsync(code, cancellationToken),
            u => queries.Colour(u.OnTimeRate, Indicator.OnTime)));
    }

    /// <summary>The per-queue table as CSV (UTF-8 with a byte-order mark, so spreadsheet programs read the Vietnamese names).</summary>
    [HttpGet("/giam-sat/xuat.csv")]
    public async Task<IActionResult> Export(DateOnly? from, DateOnly? to, CancellationToken cancellationToken)
    {
        if (PeriodOf(from, to) is not { } period)
        {
            return PeriodProblem();
        }

        var rows = await queries.ByQueueAsync(period, cancellationToken);
        var csv = new StringBuilder();
        csv.AppendLine("commune_code,commune_name,agency,received_online,received_direct,completed_early,completed_on_time,completed_late,on_time_rate,refused,withdrawn,supplement_requests,open,open_overdue,waived_vnd");
        foreach (var r in rows)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{r.CommuneCode},\"{r.CommuneName.Replace("\"", "\"\"", StringComparison.Ordinal)}\",{(r.Agency == HandlingAgency.CommunePolice ? "police" : "committee")},")
                .Append(CultureInfo.InvariantCulture, $"{r.ReceivedOnline},{r.ReceivedDirect},{r.Early},{r.OnTime},{r.Late},{r.OnTimeRate?.ToString("0.0", CultureInfo.InvariantCulture)},")
                .AppendLine(CultureInfo.InvariantCulture, $"{r.Refused},{r.Withdrawn},{r.Supplements},{r.Open},{r.OpenOverdue},{r.WaivedVnd}");
        }

        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray();
        return File(bytes, "text/csv; charset=utf-8", $"thong-ke-{period.From:yyyyMMdd}-{period.To:yyyyMMdd}.csv");
    }

    private async Task<Liveness> LivenessAsync(CancellationToken cancellationToken)
    {
        var today = VietnamTime.LocalDate(clock.GetUtcNow());
        var stored = await db.SiteVisitDays.AsNoTracking().Select(v => new { v.Day, v.Visits }).ToListAsync(cancellationToken);
        return new Liveness(
            activity.OnlineNow(),
            stored.Where(v => v.Day == today).Sum(v => v.Visits) + activity.Pending(today),
            stored.Sum(v => v.Visits) + activity.Pending());
    }

    private Period? PeriodOf(DateOnly? from, DateOnly? to) => Period.Of(from, to, VietnamTime.LocalDate(clock.GetUtcNow()));

    private IActionResult PeriodProblem() => View("Problem");
}

public sealed record DashboardView(
    Period Period, Indicator Indicator, UnitFigures Province, IReadOnlyList<UnitFigures> Communes, IReadOnlyList<DayFigures> Days,
    IReadOnlyList<AgeBucket> Backlog, IReadOnlyList<ProcedureFigures> MostOftenLate, IReadOnlyDictionary<string, int> BreachesByCommune,
    long WaivedSinceStart, (double Green, double Yellow) Thresholds, Func<UnitFigures, string> ColourOf, Liveness Liveness);

/// <summary>The portal's liveness: visitors online now (this instance), visits today, visits since the start.</summary>
public sealed record Liveness(int OnlineNow, long VisitsToday, long VisitsTotal);

public sealed record CommuneView(
    Period Period, Portal.Domain.AdministrativeUnits.Commune Commune, UnitFigures Total, IReadOnlyList<UnitFigures> Queues,
    IReadOnlyDictionary<HandlingAgency, IReadOnlyList<OfficerFigures>> Officers, IReadOnlyList<DayFigures> Days, IReadOnlyList<AgeBucket> Backlog,
    IReadOnlyList<ProcedureFigures> MostOftenLate, IReadOnlyList<Breach> Breaches, Func<UnitFigures, string> ColourOf);

/// <summary>Decision 766/QĐ-TTg points a unit earns on what the portal measures (transparency, 18 points, is not measured here).</summary>
public sealed record Scorecard(double Timeliness, double Online, double Digitisation, double Satisfaction)
{
    public const double Measurable = 82;

    public double Total => Timeliness + Online + Digitisation + Satisfaction;

    public static Scorecard Of(UnitFigures u) => new(
        20 * (u.OnTimeRate ?? 0) / 100,
        22 * Math.Min(1, (u.OnlineShare ?? 0) / 50),
        22 * Math.Min(1, (u.OnlineShare ?? 0) / 80),
        18 * Math.Min(1, (u.Satisfaction ?? 0) / 90));
}
