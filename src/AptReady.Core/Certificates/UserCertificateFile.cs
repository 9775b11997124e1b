using System;
using System.IO;

namespace AptReady.Core.Certificates
{
    /// <summary>Why a user certificate file cannot be used.</summary>
    public enum UserCertificateProblem
    {
        /// <summary>Not an OpenSSH certificate, or one AptReady cannot read.</summary>
        Malformed,

        /// <summary>A host certificate given where a user certificate is needed.</summary>
        NotUserCertificate,

        /// <summary>Its validity window has passed.</summary>
        Expired,

        /// <summary>Its validity window has not begun.</summary>
        NotYetValid,

        /// <summary>It certifies a different key than the one it is used with.</summary>
        KeyMismatch,
    }

    /// <summary>A user certificate file that cannot be used, with the file named and the reason.</summary>
    public sealed class UserCertificateException : Exception
    {
        public UserCertificateException(string path, UserCertificateProblem problem, string message, Exception? inner = null)
            : base(message, inner)
        {
            Path = path;
            Problem = problem;
        }

        public string Path { get; }

        public UserCertificateProblem Problem { get; }
    }

    /// <summary>
    /// Reads a user certificate file (<c>KEY-cert.pub</c>) and checks, before any connection, what would
    /// otherwise surface only as a bare authentication failure: that it is a user certificate, for the
    /// key it is used with, and valid now.
    /// </summary>
    public static class UserCertificateFile
    {
        /// <summary>ssh-keygen writes one line; anything much larger is not a certificate.</summary>
        private const long MaxLength = 64 * 1024;

        /// <summary>Where ssh looks for the certificate of a key file: beside it, named KEY-cert.pub.</summary>
        public static string BesideKey(string keyPath) => keyPath + "-cert.pub";

        /// <summary>Reads and parses the file; throws <see cref="UserCertificateException"/> (Malformed) or an I/O exception.</summary>
        public static SshCertificate Read(string path)
        {
            var info = new FileInfo(path);
            if (info.Exists && info.Length > MaxLength)
            {
                throw new UserCertificateException(path, UserCertificateProblem.Malformed,
                    $"The certificate file '{path}' is {info.Length} bytes: too large to be an OpenSSH certificate.");
            }

            return Parse(File.ReadAllText(path), path);
        }

        /// <summary>Parses certificate file text read from <paramref name="path"/>.</summary>
        public static SshCertificate Parse(string text, string path)
        {
            try
            {
                return SshCertificate.ParseLine(text);
            }
            catch (FormatException ex)
            {
                throw new UserCertificateException(path, UserCertificateProblem.Malformed,
                    $"The certificate file '{path}' is not a valid OpenSSH certificate: {ex.Message}", ex);
            }
        }

        /// <summary>
        /// Throws <see cref="UserCertificateException"/> unless <paramref name="certificate"/> is a user
        /// certificate valid at <paramref name="now"/> (and, when given, for <paramref name="publicKey"/>).
        /// </summary>
        public static void EnsureUsable(SshCertificate certificate, string path, DateTimeOffset now, byte[]? publicKey = null)
        {
            if (certificate.Kind != SshCertificateKind.User)
            {
                throw new UserCertificateException(path, UserCertificateProblem.NotUserCertificate,
                    $"The certificate file '{path}' holds a host certificate ({certificate.KeyId}); logging in needs a user certificate (ssh-keygen -s without -h).");
            }

            if (publicKey != null && !System.Linq.Enumerable.SequenceEqual(certificate.GetPublicKey(), publicKey))
            {
                throw new UserCertificateException(path, UserCertificateProblem.KeyMismatch,
                    $"The certificate file '{path}' certifies the key {certificate.KeyFingerprint}, not the key it is used with ({AptReady.Core.HostKeys.HostKeyFingerprint.Sha256(publicKey)}).");
            }

            switch (certificate.ValidityAt(now))
            {
                case SshCertificateValidity.Expired:
                    throw new UserCertificateException(path, UserCertificateProblem.Expired,
                        $"The certificate file '{path}' ({certificate.KeyId}) has EXPIRED: it is valid {certificate.ValidityWindow}. Ask the CA for a new one.");
                case SshCertificateValidity.NotYetValid:
                    throw new UserCertificateException(path, UserCertificateProblem.NotYetValid,
                        $"The certificate file '{path}' ({certificate.KeyId}) is NOT YET VALID: it is valid {certificate.ValidityWindow}. Check this machine's clock.");
            }
        }
    }
}
