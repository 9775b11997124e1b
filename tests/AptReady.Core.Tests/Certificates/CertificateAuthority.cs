using AptReady.Core.Tests.HostKeys;

namespace AptReady.Core.Tests.Certificates
{
    /// <summary>A real OpenSSH CA made with ssh-keygen in a temp folder, signing keys with ssh-keygen -s.</summary>
    internal sealed class CertificateAuthority : IDisposable
    {
        private readonly TempFolder _temp = new TempFolder();
        private int _serial;

        public CertificateAuthority(string type = "ed25519")
        {
            SshKeygen.NewKey(_temp.Path, type, "ca");
            PublicKeyLine = File.ReadAllText(_temp.File("ca.pub")).Trim();
        }

        /// <summary>The CA's public key line (type base64 comment).</summary>
        public string PublicKeyLine { get; }

        public byte[] PublicKey => Convert.FromBase64String(PublicKeyLine.Split(' ')[1]);

        public string Folder => _temp.Path;

        /// <summary>Makes a key of <paramref name="type"/>; returns the private key path (KEY.pub beside it).</summary>
        public string NewKey(string type, string name)
        {
            SshKeygen.NewKey(_temp.Path, type, name);
            return _temp.File(name);
        }

        /// <summary>Signs KEY.pub; returns the certificate's path (KEY-cert.pub). Validity as ssh-keygen -V takes it.</summary>
        public string Sign(string keyPath, string principals, string validity = "-5m:+1h", bool host = false, string identity = "test-id")
        {
            var arguments = new List<string> { "-q", "-s", _temp.File("ca"), "-I", identity, "-z", (++_serial).ToString() };
            if (host)
            {
                arguments.Add("-h");
            }

            if (principals.Length > 0)
            {
                arguments.AddRange(new[] { "-n", principals });
            }

            arguments.AddRange(new[] { "-V", validity, keyPath + ".pub" });
            SshKeygen.RunOk(arguments.ToArray());
            return keyPath + "-cert.pub";
        }

        public static byte[] BlobOf(string publicFile) => Convert.FromBase64String(File.ReadAllText(publicFile).Split(' ')[1]);

        public void Dispose() => _temp.Dispose();
    }
}
