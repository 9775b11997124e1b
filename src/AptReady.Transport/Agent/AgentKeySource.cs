using System;
using System.Collections.Generic;
using AptReady.Core.Certificates;
using Renci.SshNet;
using Renci.SshNet.Security;

namespace AptReady.Transport.Agent
{
    /// <summary>
    /// One agent identity as SSH.NET's private-key source: SSH.NET offers its public key (or certificate)
    /// and, when the server accepts it, asks it to sign, which the agent does.
    /// </summary>
    internal sealed class AgentKeySource : IPrivateKeySource
    {
        public AgentKeySource(SshAgent agent, AgentKey key, byte[]? certificate = null)
        {
            Key = key;
            byte[] keyBlob = key.GetBlob();
            SshCertificate? extra = certificate == null ? null : SshCertificate.Parse(certificate);
            var algorithms = new List<HostAlgorithm>();

            // A certificate file for an agent key goes first, as ssh offers it: the agent signs with the
            // plain key (the signature is the same), the server sees the certificate.
            if (extra != null)
            {
                foreach (string name in AlgorithmNames(extra.CertificateType))
                {
                    algorithms.Add(new AgentSignature(agent, name, certificate!, keyBlob));
                }
            }

            foreach (string name in AlgorithmNames(key.KeyType))
            {
                algorithms.Add(new AgentSignature(agent, name, keyBlob, keyBlob));
            }

            HostKeyAlgorithms = algorithms;
            Offered = extra != null ? extra.KeyId + " certificate, " + key : key.ToString();
        }

        public AgentKey Key { get; }

        /// <summary>How the identity is named in an authentication failure: type, fingerprint, comment.</summary>
        public string Offered { get; }

        public IReadOnlyCollection<HostAlgorithm> HostKeyAlgorithms { get; }

        /// <summary>
        /// The public-key algorithm names to offer for a key type, best first. RSA keys are offered with
        /// SHA-512 and SHA-256 signatures; SHA-1 (ssh-rsa) last, reached only when the server has refused
        /// both (a server that offers nothing else).
        /// </summary>
        internal static IReadOnlyList<string> AlgorithmNames(string keyType) => keyType switch
        {
            "ssh-rsa" => new[] { "rsa-sha2-512", "rsa-sha2-256", "ssh-rsa" },
            "ssh-rsa-cert-v01@openssh.com" => new[] { "rsa-sha2-512-cert-v01@openssh.com", "rsa-sha2-256-cert-v01@openssh.com", "ssh-rsa-cert-v01@openssh.com" },
            _ => new[] { keyType },
        };

        /// <summary>The agent sign flags for a public-key algorithm name.</summary>
        internal static uint FlagsFor(string algorithm)
        {
            if (algorithm.StartsWith("rsa-sha2-512", StringComparison.Ordinal))
            {
                return AgentProtocol.RsaSha2512;
            }

            return algorithm.StartsWith("rsa-sha2-256", StringComparison.Ordinal) ? AgentProtocol.RsaSha2256 : 0;
        }

        /// <summary>One algorithm name of an agent identity: the server sees <see cref="Data"/>, the agent signs.</summary>
        private sealed class AgentSignature : HostAlgorithm
        {
            private readonly SshAgent _agent;
            private readonly byte[] _data;
            private readonly byte[] _signingKey;
            private readonly uint _flags;

            public AgentSignature(SshAgent agent, string name, byte[] data, byte[] signingKey)
                : base(name)
            {
                _agent = agent;
                _data = data;
                _signingKey = signingKey;
                _flags = FlagsFor(name);
            }

            public override byte[] Data => _data;

            public override byte[] Sign(byte[] data)
            {
                byte[] signature = _agent.Sign(_signingKey, data, _flags);
                string expected = ExpectedSignatureAlgorithm(Name);
                string actual = AgentProtocol.SignatureAlgorithm(signature);
                if (expected.Length > 0 && actual != expected)
                {
                    // An agent that ignored the flags (a SHA-1 signature for rsa-sha2-*) would be refused by the server anyway.
                    throw new AgentProtocolException($"the agent signed with {actual} where {expected} was asked for.");
                }

                return signature;
            }

            public override bool VerifySignature(byte[] data, byte[] signature) =>
                throw new NotSupportedException("An agent identity signs; it does not verify.");

            private static string ExpectedSignatureAlgorithm(string name) =>
                name.StartsWith("rsa-sha2-512", StringComparison.Ordinal) ? "rsa-sha2-512"
                : name.StartsWith("rsa-sha2-256", StringComparison.Ordinal) ? "rsa-sha2-256"
                : string.Empty;
        }
    }
}
