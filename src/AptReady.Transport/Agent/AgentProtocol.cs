using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using AptReady.Core.CloudConfig;

namespace AptReady.Transport.Agent
{
    /// <summary>
    /// The messages of the SSH agent protocol (draft-miller-ssh-agent) that logging in needs: list the
    /// identities, and sign with one. Each message is a uint32 length, a type byte and the contents.
    /// Pure: builds and reads byte arrays, so every branch is testable without an agent.
    /// </summary>
    internal static class AgentProtocol
    {
        public const byte Failure = 5;
        public const byte Success = 6;
        public const byte RequestIdentities = 11;
        public const byte IdentitiesAnswer = 12;
        public const byte SignRequest = 13;
        public const byte SignResponse = 14;
        public const byte ExtensionFailure = 28;

        /// <summary>Sign flags: ask for an RSA signature with SHA-256 or SHA-512 instead of SHA-1.</summary>
        public const uint RsaSha2256 = 2;
        public const uint RsaSha2512 = 4;

        /// <summary>OpenSSH's agent refuses messages over 256 KiB; so does this client.</summary>
        public const int MaxMessageLength = 256 * 1024;

        /// <summary>A whole REQUEST_IDENTITIES message, framed.</summary>
        public static byte[] FrameRequestIdentities() => Frame(new SshWireWriter().Byte(RequestIdentities).ToArray());

        /// <summary>A whole SIGN_REQUEST message, framed: the key blob, the data, the flags.</summary>
        public static byte[] FrameSignRequest(byte[] keyBlob, byte[] data, uint flags) =>
            Frame(new SshWireWriter().Byte(SignRequest).String(keyBlob).String(data).UInt32(flags).ToArray());

        /// <summary>Prefixes a message body with its length.</summary>
        public static byte[] Frame(byte[] body) => new SshWireWriter().String(body).ToArray();

        /// <summary>The length a frame's 4-byte header announces; throws when it is out of bounds.</summary>
        public static int BodyLength(byte[] header)
        {
            if (header.Length != 4)
            {
                throw new ArgumentException("A frame header is 4 bytes.", nameof(header));
            }

            uint length = ((uint)header[0] << 24) | ((uint)header[1] << 16) | ((uint)header[2] << 8) | header[3];
            if (length == 0 || length > MaxMessageLength)
            {
                throw new AgentProtocolException($"the agent announced a {length}-byte message (1 to {MaxMessageLength} expected).");
            }

            return (int)length;
        }

        /// <summary>Reads an IDENTITIES_ANSWER body (type byte included) into keys in the agent's order.</summary>
        public static IReadOnlyList<AgentKey> ParseIdentities(byte[] body)
        {
            var reader = Expect(body, IdentitiesAnswer, "the list of keys");
            if (!reader.TryReadUInt32(out uint count) || count > MaxMessageLength / 8)
            {
                throw new AgentProtocolException("the agent's list of keys has no valid count.");
            }

            var keys = new List<AgentKey>((int)count);
            for (uint i = 0; i < count; i++)
            {
                if (!reader.TryReadString(out byte[] blob) || !reader.TryReadString(out byte[] comment))
                {
                    throw new AgentProtocolException($"the agent's list of keys ends after {i} of {count} keys.");
                }

                keys.Add(new AgentKey(blob, Encoding.UTF8.GetString(comment)));
            }

            if (!reader.AtEnd)
            {
                throw new AgentProtocolException("the agent's list of keys has bytes after the last key.");
            }

            return keys;
        }

        /// <summary>Reads a SIGN_RESPONSE body into the signature blob (algorithm name and signature), as SSH sends it.</summary>
        public static byte[] ParseSignature(byte[] body)
        {
            var reader = Expect(body, SignResponse, "a signature");
            if (!reader.TryReadString(out byte[] signature) || !reader.AtEnd)
            {
                throw new AgentProtocolException("the agent's signature reply is malformed.");
            }

            var inner = new SshWireReader(signature);
            if (!inner.TryReadString(out byte[] algorithm) || algorithm.Length == 0 || !inner.TryReadString(out _))
            {
                throw new AgentProtocolException("the agent's signature is not an SSH signature blob.");
            }

            return signature;
        }

        /// <summary>The name of the signature algorithm inside a signature blob (ssh-ed25519, rsa-sha2-512, …).</summary>
        public static string SignatureAlgorithm(byte[] signature)
        {
            var reader = new SshWireReader(signature);
            return reader.TryReadString(out byte[] name) ? Encoding.ASCII.GetString(name) : string.Empty;
        }

        private static SshWireReader Expect(byte[] body, byte type, string what)
        {
            if (body.Length == 0)
            {
                throw new AgentProtocolException("the agent sent an empty message.");
            }

            if (body[0] == Failure || body[0] == ExtensionFailure)
            {
                throw new AgentRefusedException($"the agent answered FAILURE where {what} was expected.");
            }

            if (body[0] != type)
            {
                throw new AgentProtocolException($"the agent answered message type {body[0]} where {what} (type {type}) was expected.");
            }

            var reader = new SshWireReader(body);
            reader.TryReadByte(out _);
            return reader;
        }
    }

    /// <summary>The agent said something that is not the protocol.</summary>
    public class AgentProtocolException : IOException
    {
        public AgentProtocolException(string message)
            : base(message)
        {
        }
    }

    /// <summary>The agent answered FAILURE: it will not do it (a declined confirmation, a key it no longer holds).</summary>
    public sealed class AgentRefusedException : Exception
    {
        public AgentRefusedException(string message)
            : base(message)
        {
        }
    }
}
