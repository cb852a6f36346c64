using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Catalogue;
using Portal.Infrastructure.Persistence;

namespace Portal.Web.Api.V1;

/// <summary>Public reference data: communes and the procedure catalogue.</summary>
[ApiController]
[AllowAnonymous]
[Route("api/v1")]
public sealed class CatalogueApiController(PortalDbContext db) : ControllerBase
{
    [HttpGet("communes")]
    public async Task<IReadOnlyList<CommuneDto>> Communes(CancellationToken cancellationToken) =>
        [.. (await db.Communes.AsNoTracking().Where(c => c.SuccessorCode == null).OrderBy(c => c.Code).ToListAsync(cancellationToken))
            .Select(c => new CommuneDto(c.Code.Value, c.Name, c.FullName, c.UnitType == "Phường" ? "ward" : "commune"))];

    [HttpGet("procedures")]
    public async Task<IReadOnlyList<ProcedureDto>> Procedures(CancellationToken cancellationToken) =>
        [.. (await db.Procedures.AsNoTracking().OrderBy(p => p.Code).ToListAsync(cancellationToken)).Select(ProcedureDto.From)];

    [HttpGet("procedures/{code}")]
    public async Task<ActionResult<ProcedureDto>> Procedure(string code, CancellationToken cancellationToken) =>
        await db.Procedures.AsNoTracking().FirstOrDefaultAsync(p => p.Code == code, cancellationToken) is { } procedure
            ? ProcedureDto.From(procedure)
            : NotFound();
}

public sealed record CommuneDto(string Code, string Name, string FullName, string Kind);

public sealed record ProcedureDto(
    string Code, string NameVi, string NameEn, string Field, string Agency, int TimeLimitWorkingDays, bool TiedToResidence,
    IReadOnlyList<ScheduledFeeDto> Fees, IReadOnlyList<FormField> FormFields)
{
    public static ProcedureDto From(Procedure p) => new(
        p.Code, p.NameVi, p.NameEn, p.FieldCode, Agencies.Slug(p.Agency), p.TimeLimit.WorkingDays, p.TiedToResidence,
        [.. p.Fees.Select(f => new ScheduledFeeDto(Channels.Slug(f.Channel), f.Kind.ToString().ToLowerInvariant(), f.Authority.ToString().ToLowerInvariant(), f.AmountVnd, f.NameVi, f.LegalBasis.DocumentNumber))],
        p.FormFields);
}

public sealed record ScheduledFeeDto(string Channel, string Kind, string Authority, long AmountVnd, string Name, string LegalBasis);

public static class Agencies
{
    public static string Slug(HandlingAgency agency) => Portal.Domain.Routing.ProcessingQueue.AgencySlug(agency);
}

public static class Channels
{
    public static string Slug(FilingChannel channel) => channel.ToString().ToLowerInvariant();

    public static FilingChannel? Parse(string? value) => value?.ToLowerInvariant() switch
    {
        "online" => FilingChannel.Online,
        "direct" => FilingChannel.Direct,
        "postal" => FilingChannel.Postal,
        _ => null,
    };
}
