using System;
using System.Security.Cryptography;
using AptReady.Core.Remote;
using AptReady.Transport;

namespace AptReady.Cmdlets.Infrastructure
{
    /// <summary>Builds the host-key decision from a cmdlet's -HostKeyFingerprint, -KnownHostsPath and -TrustOnFirstUse.</summary>
    internal static class HostKeyTrustFactory
    {
        public static HostKeyTrust Create(string? fingerprint, string[]? knownHostsPaths, bool trustOnFirstUse, string currentDirectory)
        {
            if (fingerprint != null)
            {
                string expected = fingerprint.StartsWith("SHA256:", StringComparison.Ordinal) ? fingerprint.Substring(7) : fingerprint;
                expected = expected.TrimEnd('=');
                return (host, port, algorithm, blob) =>
                {
                    string presented = Sha256(blob);
                    return string.Equals(presented, expected, StringComparison.Ordinal)
                        ? HostKeyCheck.Trust("the pinned fingerprint")
                        : HostKeyCheck.Refuse(RemoteFailure.HostKeyMismatch,
                            $"{host}:{port} presented {algorithm} key SHA256:{presented}, but -HostKeyFingerprint pins SHA256:{expected}. The connection was refused.");
                };
            }

            return (host, port, algorithm, blob) => HostKeyCheck.Refuse(RemoteFailure.HostKeyUnknown,
                $"{host}:{port} presented {algorithm} key SHA256:{Sha256(blob)}, which is not known. Pass -HostKeyFingerprint.");
        }

        private static string Sha256(byte[] blob)
        {
            using var sha = SHA256.Create();
            return Convert.ToBase64String(sha.ComputeHash(blob)).TrimEnd('=');
        }
    }
}
