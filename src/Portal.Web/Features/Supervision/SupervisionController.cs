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
        var procedures = await queries.ByProcedureAsync(period, null, cancellationToken);
        return View(nameof(Index), new DashboardView(
            period, indicator, province, communes, await queries.ByDayAsync(period, null, cancellationToken),
            await queries.BacklogAsync(null, cancellationToken), procedures, SupervisionQueries.MostOftenLate(procedures, 5),
            await queries.BreachCountsAsync(cancellationToken), await queries.WaivedSinceStartAsync(cancellationToken),
            queries.Thresholds(indicator), u => queries.Colour(SupervisionQueries.Value(u, indicator), indicator),
            await LivenessAsync(cancellationToken)));
    }

    /// <summary>The same report with every table open, laid out for paper (the browser's print command; colours kept).</summary>
    [HttpGet("/giam-sat/in")]
    public Task<IActionResult> Print(DateOnly? from, DateOnly? to, Indicator indicator, CancellationToken cancellationToken)
    {
        ViewData["Print"] = true;
        return Index(from, to, indicator, cancellationToken);
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

        var queues = await queries.ByQueueAsync(period, cancellationToken, code);
        var officers = new Dictionary<HandlingAgency, IReadOnlyList<OfficerFigures>>();
        foreach (var agency in new[] { HandlingAgency.CommunePolice, HandlingAgency.CommuneCommittee })
        {
            officers[agency] = await queries.OfficersAsync(new ProcessingQueue(commune.Code, agency).Name, cancellationToken);
        }

        var procedures = await queries.ByProcedureAsync(period, code, cancellationToken);
        return View(new CommuneView(
            period, commune, UnitFigures.Sum(code, commune.FullName, null, queues), queues, officers,
            await queries.ByDayAsync(period, code, cancellationToken), await queries.BacklogAsync(code, cancellationToken),
            procedures, SupervisionQueries.MostOftenLate(procedures, 5), await queries.BreachForecastAsync(code, cancellationToken),
            u => queries.Colour(u.OnTimeRate, Indicator.OnTime)));
    }

    /// <summary>
    /// One of the dashboard's tables as CSV (<paramref name="table"/>: queues, communes, days, procedures, backlog, breaches,
    /// officers), for the province or, with <paramref name="commune"/> (<c>xa</c>), for one commune's page.
    /// </summary>
    [HttpGet("/giam-sat/xuat.csv")]
    public async Task<IActionResult> Csv(DateOnly? from, DateOnly? to, string? table, [FromQuery(Name = "xa")] string? commune, CancellationToken cancellationToken)
    {
        if (PeriodOf(from, to) is not { } period)
        {
            return PeriodProblem();
        }

        var name = table ?? "queues";
        if (!Exports.TableNames.Contains(name) || name == "officers" && commune is null || commune is not null && !await IsCommuneAsync(commune, cancellationToken))
        {
            return NotFound();
        }

        var chosen = (await TablesAsync(period, name, commune, cancellationToken)).Single(t => t.Name == name);
        return File(Exports.Csv(chosen), "text/csv; charset=utf-8", $"thong-ke-{commune ?? "38"}-{name}-{period.From:yyyyMMdd}-{period.To:yyyyMMdd}.csv");
    }

    /// <summary>Every table of the dashboard (or of one commune's page, <paramref name="commune"/>) in one Excel workbook, a sheet each.</summary>
    [HttpGet("/giam-sat/xuat.xlsx")]
    public async Task<IActionResult> Excel(DateOnly? from, DateOnly? to, [FromQuery(Name = "xa")] string? commune, CancellationToken cancellationToken)
    {
        if (PeriodOf(from, to) is not { } period)
        {
            return PeriodProblem();
        }

        if (commune is not null && !await IsCommuneAsync(commune, cancellationToken))
        {
            return NotFound();
        }

        var title = $"Thống kê giải quyết TTHC {(commune is null ? "tỉnh Thanh Hóa" : commune)} {Format.Date(period.From)} – {Format.Date(period.To)}";
        return File(
            Exports.Excel(await TablesAsync(period, null, commune, cancellationToken), title),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"thong-ke-{commune ?? "38"}-{period.From:yyyyMMdd}-{period.To:yyyyMMdd}.xlsx");
    }

    private async Task<bool> IsCommuneAsync(string code, CancellationToken cancellationToken) =>
        CommuneCode.IsValid(code) && await db.Communes.AsNoTracking().AnyAsync(c => c.Code == CommuneCode.Parse(code), cancellationToken);

    /// <summary>Every table (<paramref name="only"/> null), or just the one named (the others left empty), for the province or one commune.</summary>
    private async Task<IReadOnlyList<ExportTable>> TablesAsync(Period period, string? only, string? commune, CancellationToken cancellationToken)
    {
        bool Needed(string table) => only is null || only == table;
        var queues = Needed("queues") || Needed("communes") ? await queries.ByQueueAsync(period, cancellationToken, commune) : [];
        var officers = new List<(string, OfficerFigures)>();
        if (Needed("officers") && commune is not null)
        {
            foreach (var agency in new[] { HandlingAgency.CommunePolice, HandlingAgency.CommuneCommittee })
            {
                var queue = new ProcessingQueue(CommuneCode.Parse(commune), agency).Name;
                officers.AddRange((await queries.OfficersAsync(queue, cancellationToken)).Select(o => (queue, o)));
            }
        }

        var breaches = Needed("breaches") ? await queries.BreachForecastAsync(commune, cancellationToken) : [];
        var tables = Exports.Tables(
            Needed("queues") ? queues : [],
            Needed("communes") ? SupervisionQueries.ByCommune(queues) : [],
            u => queries.Colour(u.OnTimeRate, Indicator.OnTime),
            Needed("communes") ? await queries.BreachCountsAsync(cancellationToken) : new Dictionary<string, int>(),
            Needed("days") ? await queries.ByDayAsync(period, commune, cancellationToken) : [],
            Needed("procedures") ? await queries.ByProcedureAsync(period, commune, cancellationToken) : [],
            Needed("backlog") ? await queries.BacklogAsync(commune, cancellationToken) : [],
            breaches,
            officers);
        return commune is null ? [.. tables.Where(t => t.Name != "officers")] : tables; // officers are a commune's table
    }

    private async Task<Liveness> LivenessAsync(CancellationToken cancellationToken)
    {
        var today = VietnamTime.LocalDate(clock.GetUtcNow());
        var stored = await db.SiteVisitDays.AsNoTracking().Select(v => new { v.Day, v.Visits }).ToListAsync(cancellationToken);
        return new Liveness(
            await activity.OnlineNowAsync(db, cancellationToken),
            stored.Where(v => v.Day == today).Sum(v => v.Visits) + activity.Pending(today),
            stored.Sum(v => v.Visits) + activity.Pending());
    }

    private Period? PeriodOf(DateOnly? from, DateOnly? to) => Period.Of(from, to, VietnamTime.LocalDate(clock.GetUtcNow()));

    private IActionResult PeriodProblem() => View("Problem");
}

public sealed record DashboardView(
    Period Period, Indicator Indicator, UnitFigures Province, IReadOnlyList<UnitFigures> Communes, IReadOnlyList<DayFigures> Days,
    IReadOnlyList<AgeBucket> Backlog, IReadOnlyList<ProcedureFigures> Procedures, IReadOnlyList<ProcedureFigures> MostOftenLate, IReadOnlyDictionary<string, int> BreachesByCommune,
    long WaivedSinceStart, (double Green, double Yellow) Thresholds, Func<UnitFigures, string> ColourOf, Liveness Liveness);

/// <summary>The portal's liveness: browsers online now (every instance), visits today, visits since the start.</summary>
public sealed record Liveness(int OnlineNow, long VisitsToday, long VisitsTotal);

public sealed record CommuneView(
    Period Period, Portal.Domain.AdministrativeUnits.Commune Commune, UnitFigures Total, IReadOnlyList<UnitFigures> Queues,
    IReadOnlyDictionary<HandlingAgency, IReadOnlyList<OfficerFigures>> Officers, IReadOnlyList<DayFigures> Days, IReadOnlyList<AgeBucket> Backlog,
    IReadOnlyList<ProcedureFigures> Procedures, IReadOnlyList<ProcedureFigures> MostOftenLate, IReadOnlyList<Breach> Breaches, Func<UnitFigures, string> ColourOf);

/// <summary>Decision 766/QĐ-TTg points a unit earns on what the portal measures (transparency, 18 points, is not measured here).</summary>
public sealed record Scorecard(double Timeliness, double Online, double Digitisation, double Satisfaction)
{
    public const double Measurable = 82;

    public double Total => Timeliness + Online + Digitisation + Satisfaction;

    /// <summary>
    /// Decision 766's points: timeliness 20 × on-time rate; online service 22, full at ≥ 50 % filed online; digitisation 22,
    /// half for the share of digitised dossiers and half for the share that reused data, each full at ≥ 80 %;
    /// satisfaction 18, full at ≥ 90 %.
    /// </summary>
    public static Scorecard Of(UnitFigures u) => new(
        20 * (u.OnTimeRate ?? 0) / 100,
        22 * Math.Min(1, (u.OnlineShare ?? 0) / 50),
        (11 * Math.Min(1, (u.DigitisedShare ?? 0) / 80)) + (11 * Math.Min(1, (u.ReusedShare ?? 0) / 80)),
        18 * Math.Min(1, (u.Satisfaction ?? 0) / 90));
}
