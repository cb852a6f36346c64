namespace Portal.Infrastructure.Messaging.Contracts;

/// <summary>Published by the worklist consumer once a dossier is in its queue's worklist.</summary>
public sealed record DossierRouted(Guid DossierId, string Code, string QueueName, DateTimeOffset At);

/// <summary>Published when an officer asks the citizen for more documents (the deadline clock pauses).</summary>
public sealed record SupplementRequested(Guid DossierId, string Code, string Reason, DateTimeOffset At);

/// <summary>Published when the electronic result is returned to the citizen.</summary>
public sealed record ResultIssued(Guid DossierId, string Code, DateTimeOffset At);
