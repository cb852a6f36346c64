using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Domain.Calendar;
using Portal.Domain.Catalogue;
using Portal.Domain.Dossiers;
using Portal.Infrastructure.Persistence;
using Portal.Web.Authorization;

namespace Portal.Web.Api.V1;

/// <summary>
/// Per commune and agency, for the provincial command centre (client credentials, scope <c>stats</c>):
/// dossiers filed in the period, finished early / on time / late, still open, on-time rate and colour.
/// </summary>
[ApiController]
[Authorize(Policy = Policies.ApiStats)]
[Route("api/v1/stats")]
public sealed class StatsApiController(PortalDbContext db, TimeProvider clock, IConfiguration configuration, IStringLocalizer<SharedResource> l) : ControllerBase
{
    public const int MaxDays = 366;

    [HttpGet("communes")]
    public async Task<ActionResult<CommuneStatsDto>> Communes([FromQuery] DateOnly? from, [FromQuery] DateOnly? to, CancellationToken cancellationToken)
    {
        var today = VietnamTime.LocalDate(clock.GetUtcNow());
        var (first, last) = (from ?? today.AddDays(-29), to ?? today);
        if (first > last || last.DayNumber - first.DayNumber >= MaxDays || first.Year < 2000 || last.Year > 2100)
        {
            ModelState.AddModelError("from", l["Khoảng thời gian không hợp lệ (từ ngày ≤ đến ngày, tối đa 366 ngày)."]);
            return ValidationProblem(ModelState);
        }

        var (start, end) = (VietnamTime.AtLocal(first, TimeOnly.MinValue), VietnamTime.AtLocal(last.AddDays(1), TimeOnly.MinValue));
        var counts = await db.Dossiers.AsNoTracking()
            .Where(d => d.FiledAt >= start && d.FiledAt < end)
            .GroupBy(d => new { d.CommuneCode, d.Agency })
            .Select(g => new
            {
                g.Key.CommuneCode,
                g.Key.Agency,
                Received = g.Count(),
                Early = g.Count(d => d.Timeliness == Timeliness.Early),
                OnTime = g.Count(d => d.Timeliness == Timeliness.OnTime),
                Late = g.Count(d => d.Timeliness == Timeliness.Late),
                Open = g.Count(d => d.CompletedAt == null),
            })
            .ToListAsync(cancellationToken);
        var communes = await db.Communes.AsNoTracking().Where(c => c.SuccessorCode == null).OrderBy(c => c.Code).ToListAsync(cancellationToken);
        var (green, yellow) = (configuration.GetValue("Stats:GreenAtLeast", 95.0), configuration.GetValue("Stats:YellowAtLeast", 80.0));
        var rows = communes.SelectMany(c => new[] { HandlingAgency.CommunePolice, HandlingAgency.CommuneCommittee }.Select(agency =>
        {
            var n = counts.FirstOrDefault(x => x.CommuneCode == c.Code && x.Agency == agency);
            var finished = (n?.Early ?? 0) + (n?.OnTime ?? 0) + (n?.Late ?? 0);
            double? rate = finished == 0 ? null : Math.Round(100.0 * ((n?.Early ?? 0) + (n?.OnTime ?? 0)) / finished, 1);
            var colour = rate switch { null => "none", >= 0 when rate >= green => "green", >= 0 when rate >= yellow => "yellow", _ => "red" };
            return new CommuneStatsRow(c.Code.Value, c.FullName, Agencies.Slug(agency), n?.Received ?? 0, n?.Early ?? 0, n?.OnTime ?? 0, n?.Late ?? 0, n?.Open ?? 0, rate, colour);
        }));
        return new CommuneStatsDto(first, last, [.. rows]);
    }
}

public sealed record CommuneStatsDto(DateOnly From, DateOnly To, IReadOnlyList<CommuneStatsRow> Communes);

public sealed record CommuneStatsRow(
    string CommuneCode, string CommuneName, string Agency, int Received, int CompletedEarly, int CompletedOnTime, int CompletedLate, int Open,
    double? OnTimeRate, string Colour);
