namespace Portal.IntegrationTests.Support;

/// <summary>A valid birth registration (procedure 1.001193): the fields the API takes, and the same as the filing form names them.</summary>
public static class BirthRegistration
{
    public const string Procedure = "1.001193";

    public static Dictionary<string, string> Fields() => new()
    {
        ["childFullName"] = "Nguyễn Văn Bé", ["childDateOfBirth"] = "2026-11-20", ["childSex"] = "Nam",
        ["placeOfBirth"] = "Bệnh viện Đa khoa tỉnh", ["motherFullName"] = "Trần Thị Cúc",
    };

    public static Dictionary<string, string> FormFields() => Fields().ToDictionary(f => $"Fields[{f.Key}]", f => f.Value);
}
