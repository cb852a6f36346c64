using Portal.Domain.Catalogue;
using Portal.Domain.Common;

namespace Portal.Domain.Dossiers.Events;

public sealed record DossierFiled(
    Guid DossierId,
    string Code,
    string ProcedureCode,
    string CommuneCode,
    HandlingAgency Agency,
    FilingChannel Channel,
    string ApplicantName,
    DateTimeOffset DueAt,
    DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record DossierStatusChanged(
    Guid DossierId,
    string Code,
    DossierStatus From,
    DossierStatus To,
    string Actor,
    DateTimeOffset OccurredAt,
    string? Reason = null) : IDomainEvent;
