using System.Text.RegularExpressions;

namespace Portal.Infrastructure.Storage;

public sealed record AttachmentStoreOptions(string Root);

/// <summary>Where attachment bytes live: outside the web root, under random names the user never chooses.</summary>
public interface IAttachmentStore
{
    /// <summary>Stores the bytes and returns the key to find them again.</summary>
    Task<string> SaveAsync(ReadOnlyMemory<byte> content, string extension, CancellationToken cancellationToken);

    Stream OpenRead(string key);
}

public sealed partial class FileAttachmentStore(AttachmentStoreOptions options) : IAttachmentStore
{
    public async Task<string> SaveAsync(ReadOnlyMemory<byte> content, string extension, CancellationToken cancellationToken)
    {
        var key = $"{DateTime.UtcNow:yyyy/MM}/{Guid.NewGuid():N}{extension}";
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, content.ToArray(), cancellationToken);
        return key;
    }

    public Stream OpenRead(string key) => File.OpenRead(PathOf(key));

    /// <summary>Keys are only ever ours (year/month/guid.ext); anything else is refused before it reaches the file system.</summary>
    private string PathOf(string key) =>
        KeyPattern().IsMatch(key) ? Path.Combine(options.Root, key) : throw new ArgumentException("Not an attachment key.", nameof(key));

    [GeneratedRegex("^[0-9]{4}/[0-9]{2}/[0-9a-f]{32}\\.(pdf|jpg|png)$")]
    private static partial Regex KeyPattern();
}
