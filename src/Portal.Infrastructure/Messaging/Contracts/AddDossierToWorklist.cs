using Portal.Domain.Catalogue;

namespace Portal.Infrastructure.Messaging.Contracts;

/// <summary>Sent by the router to one processing queue (commune × agency).</summary>
public sealed record AddDossierToWorklist(
    Guid DossierId,
    string Code,
    string ProcedureCode,
    string QueueName,
    string CommuneCode,
    HandlingAgency Agency,
    string ApplicantName,
    DateTimeOffset FiledAt,
    DateTimeOffset DueAt);
