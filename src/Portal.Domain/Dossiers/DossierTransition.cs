namespace Portal.Domain.Dossiers;

/// <summary>One entry of a dossier's history: who moved it, when, why. Never changed after it is written.</summary>
public sealed class DossierTransition
{
    public const int ActorMaxLength = 100;
    public const int ReasonMaxLength = 1000;

    private DossierTransition()
    {
        Actor = string.Empty;
    }

    internal DossierTransition(Guid dossierId, DossierStatus? from, DossierStatus to, ActorRef actor, DateTimeOffset at, string? reason)
    {
        Id = Guid.CreateVersion7(at);
        DossierId = dossierId;
        From = from;
        To = to;
        Actor = actor.Name;
        ActorRole = actor.Role;
        ActorCommune = actor.Commune;
        At = at;
        Reason = reason;
    }

    public Guid Id { get; private set; }

    public Guid DossierId { get; private set; }

    public DossierStatus? From { get; private set; }

    public DossierStatus To { get; private set; }

    public string Actor { get; private set; }

    /// <summary>The actor's role when it acted (shown to the citizen instead of a name: transparency without exposure).</summary>
    public string? ActorRole { get; private set; }

    /// <summary>The commune the actor acted for, if any.</summary>
    public string? ActorCommune { get; private set; }

    public DateTimeOffset At { get; private set; }

    public string? Reason { get; private set; }
}
