using Portal.Domain.Common;
using Portal.Domain.Dossiers;
using Portal.Domain.Dossiers.Events;

namespace Portal.Infrastructure.Messaging.Contracts;

/// <summary>Which domain events leave the process, and as which message. The outbox accepts only these types.</summary>
public static class IntegrationEvents
{
    private static readonly Dictionary<string, Type> Types = new[] { typeof(DossierSubmitted), typeof(DossierStatusChangedMessage), typeof(AddDossierToWorklist), typeof(DossierRouted), typeof(SupplementRequested), typeof(ResultIssued) }.ToDictionary(t => t.FullName!, StringComparer.Ordinal);

    /// <summary>The messages a domain event becomes: a status change also announces the two changes others react to by name.</summary>
    public static IEnumerable<object> From(IDomainEvent domainEvent) => domainEvent switch
    {
        DossierFiled e => [new DossierSubmitted(e.DossierId, e.Code, e.ProcedureCode, e.CommuneCode, e.Agency, e.Channel, e.ApplicantName, e.OccurredAt, e.DueAt)],
        DossierStatusChanged { To: DossierStatus.SupplementRequested } e =>
            [new DossierStatusChangedMessage(e.DossierId, e.Code, e.From, e.To, e.OccurredAt), new SupplementRequested(e.DossierId, e.Code, e.Reason ?? string.Empty, e.OccurredAt)],
        DossierStatusChanged { To: DossierStatus.ResultReturned } e =>
            [new DossierStatusChangedMessage(e.DossierId, e.Code, e.From, e.To, e.OccurredAt), new ResultIssued(e.DossierId, e.Code, e.OccurredAt)],
        DossierStatusChanged e => [new DossierStatusChangedMessage(e.DossierId, e.Code, e.From, e.To, e.OccurredAt)],
        _ => [],
    };

    public static bool IsKnown(Type type) => Types.ContainsKey(type.FullName!);

    public static Type Resolve(string typeName) =>
        Types.TryGetValue(typeName, out var type) ? type : throw new InvalidOperationException($"Unknown outbox message type {typeName}.");
}
