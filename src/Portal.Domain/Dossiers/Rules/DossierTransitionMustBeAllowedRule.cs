using Portal.Domain.Common;

namespace Portal.Domain.Dossiers.Rules;

/// <summary>The lifecycle of Decree 118/2025/NĐ-CP: which state may follow which.</summary>
public sealed class DossierTransitionMustBeAllowedRule(DossierStatus from, DossierStatus to) : IBusinessRule
{
    private static readonly Dictionary<DossierStatus, DossierStatus[]> Allowed = new()
    {
        [DossierStatus.New] = [DossierStatus.Received, DossierStatus.RefusedAtReception, DossierStatus.Withdrawn],
        [DossierStatus.Received] = [DossierStatus.InProcess, DossierStatus.Withdrawn, DossierStatus.Stopped],
        [DossierStatus.InProcess] = [DossierStatus.SupplementRequested, DossierStatus.Processed, DossierStatus.Withdrawn, DossierStatus.Stopped],
        [DossierStatus.SupplementRequested] = [DossierStatus.InProcess, DossierStatus.Withdrawn, DossierStatus.Stopped],
        [DossierStatus.Processed] = [DossierStatus.ResultReturned],
    };

    public string Code => "dossier.transition.not-allowed";

    public string Message => $"A dossier cannot go from {from} to {to}.";

    public bool IsBroken() => !IsAllowed(from, to);

    public static bool IsAllowed(DossierStatus from, DossierStatus to) =>
        Allowed.TryGetValue(from, out var next) && next.Contains(to);
}
