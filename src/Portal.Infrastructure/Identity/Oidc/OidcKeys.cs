using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace Portal.Infrastructure.Identity.Oidc;

/// <summary>
/// Token keys from PEM files: the configured ones in production; in the embedded default, generated
/// on first run under the data folder (git-ignored, never committed) and reused afterwards.
/// </summary>
public static class OidcKeys
{
    public static RsaSecurityKey LoadOrCreate(string path)
    {
        var rsa = RSA.Create();
        if (!File.Exists(path))
        {
            // Written whole to a file of its own, then moved into place without overwriting: replicas starting
            // together on a new data folder each make a key, the first move wins, the others read the winner's.
            rsa.KeySize = 2048;
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            var draft = $"{path}.{Guid.NewGuid():N}.tmp";
            using (var file = new FileStream(draft, FileMode.CreateNew, FileAccess.Write))
            {
                if (!OperatingSystem.IsWindows())
                {
                    File.SetUnixFileMode(draft, UnixFileMode.UserRead | UnixFileMode.UserWrite);
                }

                using var writer = new StreamWriter(file);
                writer.Write(rsa.ExportPkcs8PrivateKeyPem());
            }

            try
            {
                File.Move(draft, path, overwrite: false);
            }
            catch (IOException) when (File.Exists(path))
            {
                File.Delete(draft);
            }
        }

        rsa.ImportFromPem(File.ReadAllText(path));
        var thumbprint = Convert.ToHexString(SHA256.HashData(rsa.ExportSubjectPublicKeyInfo()))[..16];
        return new RsaSecurityKey(rsa) { KeyId = thumbprint };
    }
}
