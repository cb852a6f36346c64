namespace Portal.Domain.Dossiers;

/// <summary>The national indicator's verdict on a finished dossier.</summary>
public enum Timeliness
{
    Early = 1,
    OnTime = 2,
    Late = 3,
}
