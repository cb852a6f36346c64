using System.Text;

namespace Portal.Infrastructure.Storage;

/// <summary>
/// The antivirus hook every upload passes before it is stored. A deployment plugs its scanner in here
/// (e.g. a ClamAV daemon client); the embedded default recognises the EICAR test signature, which
/// every antivirus product treats as a virus, so the refusal path can be tried and tested.
/// </summary>
public interface IAttachmentScanner
{
    Task<bool> IsCleanAsync(ReadOnlyMemory<byte> content, CancellationToken cancellationToken);
}

public sealed class EicarSignatureScanner : IAttachmentScanner
{
    private static readonly byte[] Signature = Encoding.ASCII.GetBytes("EICAR-STANDARD-ANTIVIRUS-TEST-FILE");

    public Task<bool> IsCleanAsync(ReadOnlyMemory<byte> content, CancellationToken cancellationToken) =>
        Task.FromResult(content.Span.IndexOf(Signature) < 0);
}

public sealed class NoAttachmentScanner : IAttachmentScanner
{
    public Task<bool> IsCleanAsync(ReadOnlyMemory<byte> content, CancellationToken cancellationToken) => Task.FromResult(true);
}
