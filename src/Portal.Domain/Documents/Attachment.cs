namespace Portal.Domain.Documents;

public enum AttachmentKind
{
    /// <summary>Uploaded by the citizen with the filing.</summary>
    Upload = 1,

    /// <summary>A result the portal issued earlier, attached by reference instead of uploaded again.</summary>
    ReusedResult = 2,

    /// <summary>Sent in answer to a supplement request.</summary>
    Supplement = 3,
}

/// <summary>A file of a dossier. The bytes live outside the web root under <see cref="StorageKey"/>; the name shown is sanitised.</summary>
public sealed class Attachment
{
    public const int FileNameMaxLength = 120;
    public const int ContentTypeMaxLength = 40;
    public const int StorageKeyMaxLength = 80;

    private Attachment()
    {
        FileName = ContentType = StorageKey = Sha256 = string.Empty;
    }

    public Attachment(Guid id, Guid dossierId, AttachmentKind kind, string fileName, string contentType, long sizeBytes, string storageKey, string sha256, DateTimeOffset addedAt, Guid? reusedFromDossierId = null)
    {
        Id = id;
        DossierId = dossierId;
        Kind = kind;
        FileName = fileName;
        ContentType = contentType;
        SizeBytes = sizeBytes;
        StorageKey = storageKey;
        Sha256 = sha256;
        AddedAt = addedAt;
        ReusedFromDossierId = reusedFromDossierId;
    }

    public Guid Id { get; private set; }

    public Guid DossierId { get; private set; }

    public AttachmentKind Kind { get; private set; }

    public string FileName { get; private set; }

    public string ContentType { get; private set; }

    public long SizeBytes { get; private set; }

    public string StorageKey { get; private set; }

    public string Sha256 { get; private set; }

    public DateTimeOffset AddedAt { get; private set; }

    public Guid? ReusedFromDossierId { get; private set; }
}
