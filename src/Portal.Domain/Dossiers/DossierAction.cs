namespace Portal.Domain.Dossiers;

/// <summary>The business acts that move a dossier (Decree 118/2025/NĐ-CP lifecycle).</summary>
public enum DossierAction
{
    Receive = 1,
    RefuseAtReception,
    StartProcessing,
    RequestSupplement,
    RecordSupplement,
    Approve,
    RefuseResult,
    ReturnResult,
    Withdraw,
    Stop,
}
