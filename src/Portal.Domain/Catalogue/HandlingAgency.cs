namespace Portal.Domain.Catalogue;

/// <summary>Who resolves a procedure at commune level.</summary>
public enum HandlingAgency
{
    /// <summary>Công an xã: residence and other population-management procedures.</summary>
    CommunePolice = 1,

    /// <summary>UBND xã: civil status, certification, household business and the rest.</summary>
    CommuneCommittee = 2,
}
