using System;

namespace AptReady.Transport
{
    /// <summary>
    /// One jump host on the way to a target: where and as whom to log in to it (its own <see cref="SshTarget"/>,
    /// whose <see cref="SshTarget.Via"/> is the hop before it) and how its host key is verified.
    /// </summary>
    public sealed class JumpHop
    {
        public JumpHop(SshTarget target, SshConnector connector)
        {
            Target = target ?? throw new ArgumentNullException(nameof(target));
            Connector = connector ?? throw new ArgumentNullException(nameof(connector));
        }

        public SshTarget Target { get; }

        /// <summary>Connects to the hop with its own host-key policy (known_hosts under the hop's own name and port).</summary>
        public SshConnector Connector { get; }
    }
}
