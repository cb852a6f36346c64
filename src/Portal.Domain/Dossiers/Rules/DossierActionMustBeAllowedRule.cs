using Portal.Domain.Common;

namespace Portal.Domain.Dossiers.Rules;

/// <summary>
/// The lifecycle: from which states each act may be taken, and where it leads. Keyed by act, not by
/// state pair, because two acts can share a target (supplement recorded and processing started both
/// lead to "in process") while being legal from different states.
/// </summary>
public sealed class DossierActionMustBeAllowedRule(DossierAction action, DossierStatus from) : IBusinessRule
{
    private static readonly DossierStatus[] Open =
        [DossierStatus.New, DossierStatus.Received, DossierStatus.InProcess, DossierStatus.SupplementRequested];

    private static readonly Dictionary<DossierAction, (DossierStatus[] From, DossierStatus To)> Lifecycle = new()
    {
        [DossierAction.Receive] = ([DossierStatus.New], DossierStatus.Received),
        [DossierAction.RefuseAtReception] = ([DossierStatus.New], DossierStatus.RefusedAtReception),
        [DossierAction.StartProcessing] = ([DossierStatus.Received], DossierStatus.InProcess),
        [DossierAction.RequestSupplement] = ([DossierStatus.InProcess], DossierStatus.SupplementRequested),
        [DossierAction.RecordSupplement] = ([DossierStatus.SupplementRequested], DossierStatus.InProcess),
        [DossierAction.Approve] = ([DossierStatus.InProcess], DossierStatus.Processed),
        [DossierAction.RefuseResult] = ([DossierStatus.InProcess], DossierStatus.Processed),
        [DossierAction.ReturnResult] = ([DossierStatus.Processed], DossierStatus.ResultReturned),
        [DossierAction.Withdraw] = (Open, DossierStatus.Withdrawn),
        [DossierAction.Stop] = ([DossierStatus.Received, DossierStatus.InProcess, DossierStatus.SupplementRequested], DossierStatus.Stopped),
    };

    public string Code => "dossier.transition.not-allowed";

    public string Message => $"A dossier in state {from} cannot be subject to {action}.";

    public bool IsBroken() => !Lifecycle[action].From.Contains(from);

    public static DossierStatus Target(DossierAction action) => Lifecycle[action].To;

    public static bool IsAllowed(DossierAction action, DossierStatus from) => Lifecycle[action].From.Contains(from);
}
