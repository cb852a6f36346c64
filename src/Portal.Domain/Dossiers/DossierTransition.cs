namespace Portal.Domain.Dossiers;

/// <summary>The national forms of Circular 03/2025/TT-VPCP a step produces (numbered as in the circular).</summary>
public enum NationalForm
{
    /// <summary>01: receipt and appointment slip.</summary>
    Receipt = 1,

    /// <summary>02: request to supplement the dossier.</summary>
    SupplementRequest = 2,

    /// <summary>03: refusal to accept the dossier.</summary>
    Refusal = 3,

    /// <summary>04: apology and new appointment.</summary>
    Apology = 4,

    /// <summary>05: notice that processing stops.</summary>
    StopNotice = 5,
}

/// <summary>One entry of a dossier's history: who moved it, when, why. Never changed after it is written.</summary>
public sealed class DossierTransition
{
    public const int ActorMaxLength = 100;
    public const int ReasonMaxLength = 1000;

    private DossierTransition()
    {
        Actor = string.Empty;
    }

    internal DossierTransition(Guid dossierId, DossierStatus? from, DossierStatus to, ActorRef actor, DateTimeOffset at, string? reason, NationalForm? form = null, bool isInternal = false)
    {
        Form = form;
        IsInternal = isInternal;
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

    /// <summary>The national form this step produced, if any (rendered from this entry on demand).</summary>
    public NationalForm? Form { get; private set; }

    /// <summary>Work inside the office (assignment, proposal, a leader sending a proposal back): shown to staff, not to the citizen.</summary>
    public bool IsInternal { get; private set; }
}
