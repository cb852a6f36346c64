using Portal.Domain.Catalogue;

namespace Portal.Infrastructure.Messaging.Contracts;

/// <summary>Published (through the outbox) when a citizen's dossier has been stored.</summary>
public sealed record DossierSubmitted(
    Guid DossierId,
    string Code,
    string ProcedureCode,
    string CommuneCode,
    HandlingAgency Agency,
    FilingChannel Channel,
    string ApplicantName,
    DateTimeOffset FiledAt,
    DateTimeOffset DueAt);
