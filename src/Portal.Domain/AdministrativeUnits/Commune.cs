namespace Portal.Domain.AdministrativeUnits;

/// <summary>A commune-level unit (Xã or Phường). A merged unit keeps its row and points to its successor.</summary>
public sealed class Commune
{
    public const int NameMaxLength = 100;

    private Commune()
    {
        Name = FullName = UnitType = string.Empty;
    }

    public Commune(CommuneCode code, string name, string fullName, string unitType)
    {
        Code = code;
        Name = name;
        FullName = fullName;
        UnitType = unitType;
    }

    public CommuneCode Code { get; private set; }

    public string Name { get; private set; }

    public string FullName { get; private set; }

    public string UnitType { get; private set; }

    public CommuneCode? SuccessorCode { get; private set; }

    public bool IsActive => SuccessorCode is null;

    public void MergeInto(CommuneCode successor)
    {
        if (successor == Code)
        {
            throw new InvalidOperationException("A commune cannot succeed itself.");
        }

        SuccessorCode = successor;
    }

    public void Rename(string name, string fullName, string unitType)
    {
        Name = name;
        FullName = fullName;
        UnitType = unitType;
    }
}
