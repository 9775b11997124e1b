namespace AptReady.Core.Tests.HostKeys
{
    /// <summary>
    /// Real public host keys made with ssh-keygen on Debian 12 (OpenSSH 9.2p1), with the fingerprints
    /// `ssh-keygen -lf` and `ssh-keygen -E md5 -lf` printed for them.
    /// </summary>
    internal static class SampleKeys
    {
        public const string Ed25519Base64 = "AAAAC3NzaC1lZDI1NTE5AAAAIO94u1I0SBl3dm7V+Q7wmfUTOe2ujhco6NcFIv1sp7gM";
        public const string Ed25519Sha256 = "SHA256:Tjtw13Tfj0BFmxzhchwzwWyEGC1zlR6n1pFEC6c5t9c";
        public const string Ed25519Md5 = "MD5:cb:d7:88:46:09:e4:22:e7:53:be:00:aa:43:49:25:87";

        public const string EcdsaBase64 = "AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBIqG0dvjSC6+ZarcohMU2djOyl4bGzeRxksWC+DA72ICxtzCmgMU12AM0M4Yqft8fpTxzWtqxcAawXKJnHB0fCA=";
        public const string EcdsaSha256 = "SHA256:hQ7CxNL3VDDb4WpO8qDxeSnqIpwNi9F26FPuOifQGXA";

        public const string RsaBase64 = "AAAAB3NzaC1yc2EAAAADAQABAAABAQCoL5HxmoNtXDcBx0gwdEZpMtoRxD37metuSFviu8jM3wJqa4u74pLBp6qWDuRIWOl/QFj1Y/mDzjd21EDtk9KT9nODD8UN2nAziIIO23hOR3IVkR1NoLri4MepwCa/2P4Asv+ZTR3X7A8uH2dIGclRKRSVw2nuzNahTYBNyrtcmWA6HB5cczoL+tbPS8T20j9V5GsIRTzFTjlKr92Ff8TSdAO/mG8LMehjwmkjdg0+B2BjsBXQ0FVFaz7OgHvjbOWoicZ7tVwP3glmXQ6UcNvOJ9wLzmlJCSoYex1Vwq92q/EMEhpWyYORP7NSH2JNK/IQFIx3f0t03N3buGaqUspz";
        public const string RsaSha256 = "SHA256:u9HnTlCmgAVDRwb1WbBu/HwBqGxZ2+PtrT7T/iJpcrk";
        public const string RsaMd5 = "MD5:a9:d2:24:cd:5f:3e:6a:b3:92:7b:94:22:d8:dc:00:ef";

        /// <summary>Another ed25519 key (a "changed" key for the same host).</summary>
        public const string OtherEd25519Base64 = "AAAAC3NzaC1lZDI1NTE5AAAAIMdzj376n6JLvmwI/ZRsFmg6kgLCA8SVXDkWUBjyxMr1";

        /// <summary>`ssh-keyscan -p 2299 127.0.0.1` against sshd 9.2p1 with those ed25519 and ecdsa host keys.</summary>
        public const string KeyscanOutput =
            "# 127.0.0.1:2299 SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u10\n"
            + "# 127.0.0.1:2299 SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u10\n"
            + "# 127.0.0.1:2299 SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u10\n"
            + "# 127.0.0.1:2299 SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u10\n"
            + "# 127.0.0.1:2299 SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u10\n"
            + "[127.0.0.1]:2299 ecdsa-sha2-nistp256 " + EcdsaBase64 + "\n"
            + "[127.0.0.1]:2299 ssh-ed25519 " + Ed25519Base64 + "\n";

        /// <summary>`ssh-keyscan -H -p 2299 -t ed25519 127.0.0.1` against the same sshd.</summary>
        public const string HashedKeyscanOutput =
            "# 127.0.0.1:2299 SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u10\n"
            + "|1|gN0h3VNrsNGxf1AdVRvy6oUn3Pg=|vE/hdSXoEadcfrh7hatE4Zg1aoE= ssh-ed25519 " + Ed25519Base64 + "\n";

        public static byte[] Ed25519 => System.Convert.FromBase64String(Ed25519Base64);

        public static byte[] OtherEd25519 => System.Convert.FromBase64String(OtherEd25519Base64);

        public static byte[] Ecdsa => System.Convert.FromBase64String(EcdsaBase64);

        public static byte[] Rsa => System.Convert.FromBase64String(RsaBase64);
    }
}
