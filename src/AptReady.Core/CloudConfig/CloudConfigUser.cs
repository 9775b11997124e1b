using System;
using System.Collections.Generic;
using System.Linq;

namespace AptReady.Core.CloudConfig
{
    /// <summary>One entry of cloud-config's <c>users:</c> list.</summary>
    public sealed class CloudConfigUser
    {
        /// <param name="name">The Linux user name.</param>
        /// <param name="groups">Supplementary groups (e.g. sudo, adm); each a valid group name.</param>
        /// <param name="shell">The login shell, an absolute path such as /bin/bash; null for the distribution's default.</param>
        /// <param name="sudo">A sudoers rule such as 'ALL=(ALL) NOPASSWD:ALL'; null for none.</param>
        /// <param name="sshAuthorizedKeys">OpenSSH public key lines; each must parse (see <see cref="SshPublicKey"/>).</param>
        /// <param name="lockPassword">cloud-init's lock_passwd: true (its default) disables password login for the user.</param>
        public CloudConfigUser(
            string name,
            IEnumerable<string>? groups = null,
            string? shell = null,
            string? sudo = null,
            IEnumerable<string>? sshAuthorizedKeys = null,
            bool lockPassword = true)
        {
            Name = CloudConfigInput.UserName(name, nameof(name));
            Groups = (groups ?? Array.Empty<string>()).Select(g => CloudConfigInput.UserName(g, nameof(groups))).ToArray();
            Shell = shell == null ? null : CloudConfigInput.AbsolutePath(shell, nameof(shell));
            Sudo = sudo == null ? null : CloudConfigInput.SingleLine(sudo, nameof(sudo));
            SshAuthorizedKeys = (sshAuthorizedKeys ?? Array.Empty<string>()).Select(k => SshPublicKey.Parse(k, nameof(sshAuthorizedKeys))).ToArray();
            LockPassword = lockPassword;
        }

        public string Name { get; }

        public IReadOnlyList<string> Groups { get; }

        public string? Shell { get; }

        public string? Sudo { get; }

        public IReadOnlyList<SshPublicKey> SshAuthorizedKeys { get; }

        public bool LockPassword { get; }

        internal YamlMap ToYaml()
        {
            var map = new YamlMap { { "name", Name } };
            if (Groups.Count > 0)
            {
                map.Add("groups", Groups.ToList<object?>());
            }

            if (Shell != null)
            {
                map.Add("shell", Shell);
            }

            if (Sudo != null)
            {
                map.Add("sudo", Sudo);
            }

            map.Add("lock_passwd", LockPassword);
            if (SshAuthorizedKeys.Count > 0)
            {
                map.Add("ssh_authorized_keys", SshAuthorizedKeys.Select(k => (object?)k.ToString()).ToList());
            }

            return map;
        }
    }
}
