namespace Portal.Domain.Dossiers;

/// <summary>Dossier states, numbered as the national status codes so a dossier can be synced later.</summary>
public enum DossierStatus
{
    /// <summary>Filed online, awaiting reception.</summary>
    New = 1,
    Received = 2,
    RefusedAtReception = 3,
    InProcess = 4,
    SupplementRequested = 5,
    Withdrawn = 7,
    Stopped = 8,
    Processed = 9,
    ResultReturned = 10,
}

public enum ProcessingOutcome
{
    Approved = 1,
    Refused = 2,
}
