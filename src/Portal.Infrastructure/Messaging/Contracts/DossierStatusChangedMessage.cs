using Portal.Domain.Dossiers;

namespace Portal.Infrastructure.Messaging.Contracts;

/// <summary>Published (through the outbox) on every transition of a dossier: notifications and statistics react to it.</summary>
public sealed record DossierStatusChangedMessage(Guid DossierId, string Code, DossierStatus From, DossierStatus To, DateTimeOffset At);
