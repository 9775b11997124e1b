using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using AptReady.Core.Certificates;
using AptReady.Core.HostKeys;
using AptReady.Core.Remote;
using AptReady.Transport.Agent;
using Renci.SshNet;
using Renci.SshNet.Common;

namespace AptReady.Transport
{
    /// <summary>
    /// What a target logs in with, in ssh's order: key files (each with its certificate first), then the
    /// agent's keys in the agent's order (with a certificate file for an agent key first), then a password.
    /// Keeps a description of each identity offered, so a refusal can name them by fingerprint.
    /// </summary>
    internal sealed class LoginIdentities
    {
        private LoginIdentities(AuthenticationMethod[] methods, IReadOnlyList<string> offered)
        {
            Methods = methods;
            Offered = offered;
        }

        public AuthenticationMethod[] Methods { get; }

        /// <summary>"type SHA256:… (comment)" for each key and certificate offered; never key material.</summary>
        public IReadOnlyList<string> Offered { get; }

        public static LoginIdentities For(SshTarget target, Action<string>? log)
        {
            var certificates = target.CertificateFilePaths.Select(p => (Path: p, Certificate: ReadCertificate(target, p))).ToList();
            var used = new HashSet<string>(StringComparer.Ordinal);
            var sources = new List<IPrivateKeySource>();
            var offered = new List<string>();
            var fileKeys = new List<byte[]>();

            foreach (string path in target.KeyFilePaths)
            {
                PrivateKeyFile key = ReadKey(target, path, null);
                byte[] publicKey = key.HostKeyAlgorithms.First().Data;
                fileKeys.Add(publicKey);
                var match = certificates.FirstOrDefault(c => c.Certificate.GetPublicKey().SequenceEqual(publicKey));
                if (match.Path != null)
                {
                    key.Dispose();
                    key = ReadKey(target, path, match.Path);
                    used.Add(match.Path);
                    offered.Add($"{match.Certificate.CertificateType} {match.Certificate.KeyFingerprint} ({match.Path})");
                }

                sources.Add(key);
                offered.Add($"{SshKeyType.FromBlob(publicKey)} {HostKeyFingerprint.Sha256(publicKey)} ({path})");
            }

            foreach (AgentKey key in AgentKeys(target, sources.Count > 0 || target.Password != null, log))
            {
                byte[] blob = key.GetBlob();
                if (fileKeys.Any(k => k.SequenceEqual(blob)))
                {
                    continue;
                }

                var match = key.Certificate == null
                    ? certificates.FirstOrDefault(c => c.Certificate.GetPublicKey().SequenceEqual(blob))
                    : default;
                if (match.Path != null)
                {
                    used.Add(match.Path);
                    offered.Add($"{match.Certificate.CertificateType} {match.Certificate.KeyFingerprint} ({match.Path}, signed by the agent)");
                }

                var source = new AgentKeySource(SshAgent.For(target.AgentPath!), key, match.Certificate?.GetBlob());
                sources.Add(source);
                offered.Add(key + " (agent)");
            }

            var unmatched = certificates.FirstOrDefault(c => !used.Contains(c.Path));
            if (unmatched.Path != null)
            {
                throw new RemoteSessionException(target.ComputerName, RemoteFailure.CertificateInvalid,
                    $"The certificate file '{unmatched.Path}' certifies the key {unmatched.Certificate.KeyFingerprint}, which neither -KeyFilePath nor the agent holds.");
            }

            var methods = new List<AuthenticationMethod>();
            if (sources.Count > 0)
            {
                methods.Add(new PrivateKeyAuthenticationMethod(target.UserName, sources.ToArray()));
            }

            if (target.Password != null)
            {
                methods.Add(new PasswordAuthenticationMethod(target.UserName, SshConnector.Reveal(target.Password)));
                offered.Add("a password");
            }

            if (methods.Count == 0)
            {
                string agent = target.AgentPath == null ? "no SSH agent is in use (SSH_AUTH_SOCK is not set)" : $"the agent at '{target.AgentPath}' holds no keys";
                throw new RemoteSessionException(target.ComputerName, RemoteFailure.AuthenticationFailed,
                    $"{target}: nothing to log in with: {agent}, and neither -KeyFilePath nor -Credential was given.");
            }

            return new LoginIdentities(methods.ToArray(), offered);
        }

        private static IReadOnlyList<AgentKey> AgentKeys(SshTarget target, bool hasOthers, Action<string>? log)
        {
            if (target.AgentPath == null)
            {
                return Array.Empty<AgentKey>();
            }

            IReadOnlyList<AgentKey> keys;
            try
            {
                keys = SshAgent.For(target.AgentPath).ListKeys();
            }
            catch (Exception ex) when (ex is AgentUnavailableException || ex is AgentProtocolException || ex is AgentRefusedException)
            {
                if (hasOthers && !target.AgentRequired)
                {
                    log?.Invoke($"{target}: the SSH agent is not used: {ex.Message}");
                    return Array.Empty<AgentKey>();
                }

                throw new RemoteSessionException(target.ComputerName, RemoteFailure.AgentUnavailable,
                    $"{target}: {ex.Message} Start an agent (eval $(ssh-agent); ssh-add), name another with -IdentityAgent, or pass -NoAgent.", ex);
            }

            if (target.AgentIdentity == null)
            {
                return keys;
            }

            var wanted = HostKeyFingerprint.Parse(target.AgentIdentity);
            var chosen = keys.Where(k => k.Fingerprint.Equals(wanted) || k.KeyFingerprint.Equals(wanted)).ToList();
            if (chosen.Count == 0)
            {
                string held = keys.Count == 0 ? "no keys" : string.Join(", ", keys.Select(k => k.ToString()));
                throw new RemoteSessionException(target.ComputerName, RemoteFailure.AgentIdentityNotFound,
                    $"{target}: the agent at '{target.AgentPath}' holds no key {wanted} (-AgentIdentity); it holds {held}. Add it with ssh-add.");
            }

            return chosen;
        }

        private static SshCertificate ReadCertificate(SshTarget target, string path)
        {
            try
            {
                return UserCertificateFile.Read(path);
            }
            catch (UserCertificateException ex)
            {
                throw new RemoteSessionException(target.ComputerName, RemoteFailure.CertificateInvalid, ex.Message, ex);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                throw new RemoteSessionException(target.ComputerName, RemoteFailure.CertificateInvalid,
                    $"The certificate file '{path}' cannot be read: {ex.Message}", ex);
            }
        }

        private static PrivateKeyFile ReadKey(SshTarget target, string path, string? certificatePath)
        {
            try
            {
                string? passphrase = target.KeyPassphrase == null ? null : SshConnector.Reveal(target.KeyPassphrase);
                return new PrivateKeyFile(path, passphrase, certificatePath);
            }
            catch (SshPassPhraseNullOrEmptyException ex)
            {
                throw new RemoteSessionException(target.ComputerName, RemoteFailure.KeyPassphraseRequired,
                    $"The key file '{path}' is encrypted: pass its passphrase with -KeyPassphrase.", ex);
            }
            catch (Exception ex) when (ex is FileNotFoundException || ex is DirectoryNotFoundException)
            {
                throw new RemoteSessionException(target.ComputerName, RemoteFailure.KeyFileInvalid,
                    $"The key file '{path}' does not exist.", ex);
            }
            catch (Exception ex) when (ex is UnauthorizedAccessException || ex is IOException)
            {
                throw new RemoteSessionException(target.ComputerName, RemoteFailure.KeyFileInvalid,
                    $"The key file '{path}' cannot be read: {ex.Message}", ex);
            }
            catch (SshException ex)
            {
                // A wrong passphrase and a file that is no key both land here; the message names neither secret.
                bool passphraseGiven = target.KeyPassphrase != null;
                throw new RemoteSessionException(target.ComputerName, RemoteFailure.KeyFileInvalid,
                    passphraseGiven
                        ? $"The key file '{path}' could not be decrypted or read: check the passphrase and that it is an OpenSSH, PEM or PuTTY private key."
                        : $"The key file '{path}' is not a private key SSH.NET can read (OpenSSH, PEM or PuTTY format).", ex);
            }
        }
    }
}
