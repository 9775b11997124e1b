using AptReady.Core.CloudConfig;
using Xunit;

namespace AptReady.Core.Tests.CloudConfig
{
    public class SshPublicKeyTests
    {
        // Generated with ssh-keygen (OpenSSH 9.2, Debian 12); fingerprints from `ssh-keygen -lf`.
        public const string Ed25519Line = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAINBcr/7Ut1tJ2Z5CUwUyP2qn319178Cw8z7uVSkFLYcj test@ed25519";
        public const string RsaLine = "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQCu3gxiqDeDBhPFgzBUjbEMvQEHssD44BevD5xj1fzFO7dhJhzpZO5avOLAgNqB+GO7EVJC1+tIURk3tkFP87rReqO3s/OPCSFloCTapJ/zNoUyM85oNNXkkGQcqIAGMARa9hBD3Hb3EKJMvJxSJpkupdMcoCDEvKBEsRzpYl3nuodL5smWxHkDjuQn1qeRhnOkoOUb1vFwVIH/0DuLVFakOOY8avIyLuUbnPVUlPRx4KyyIUkqRr/3lw7iQ2kwmlyLKRfeGiYUGDHBymcPgu7rfgrGj1MoZ3G8EFu1wnNyAYwl3koKff7jalIno0RuCxskIhfLXPRdtUnhAujnrTf3 test@rsab2048";
        public const string Ecdsa256Line = "ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBMpObbvE1EHgwQAyufU6eNsNyDVTgAgXrVWaN/IqVrdpnEtbGtoO8ADJJ1mPcvLzY9HVokQdBfp6mRKqjowt6TQ= test@ecdsab256";
        public const string Ecdsa384Line = "ecdsa-sha2-nistp384 AAAAE2VjZHNhLXNoYTItbmlzdHAzODQAAAAIbmlzdHAzODQAAABhBJnRQyChkeJCN9BmjnvJDlzcKhX6xDmXmDsW+ADzZK1uG1qWcxBMcIma5vbmqPJcPdbNWjP2ueFuiZLwa6Zdg8USiHEUR7k/yRBBUYFkaZj2gbeHDXW6ShUjcrwg084DEQ== test@ecdsab384";
        public const string Ecdsa521Line = "ecdsa-sha2-nistp521 AAAAE2VjZHNhLXNoYTItbmlzdHA1MjEAAAAIbmlzdHA1MjEAAACFBAHUGqu1mGdDFh9drsZrrmkybELl6AZFlfIokYkdThBEbmNaT6k254Jb02z5razpcjfsr8W+iCbvnjNsdkEBk3oQzQHYFtyPkEPNCrBcL6fIpvLcTLf6L+p+6CsKR5/gGYvT9OoKNJWt5Ik2eLO3VBykCN4mMFMTVJiUiS1pb0RmHqnr6A== test@ecdsab521";

        [Theory]
        [InlineData(Ed25519Line, "ssh-ed25519", "SHA256:0UDtY4XWxpGyfUskh1QcxllmGLcXKp+jlCxkRtKbhcY")]
        [InlineData(RsaLine, "ssh-rsa", "SHA256:guOPe4wP0hTdrqhnGAiiJYxwY1AUe7jZ2FUK49m6SKA")]
        [InlineData(Ecdsa256Line, "ecdsa-sha2-nistp256", "SHA256:vGIzpUGyztGrFokDuGkIpBoAX5CAIYEX/0ZzbHSJHk4")]
        [InlineData(Ecdsa384Line, "ecdsa-sha2-nistp384", "SHA256:u58u+Ngk1ZmmmCdBaseJ9j9f5uFF0Q8MS4XchpCJGK8")]
        [InlineData(Ecdsa521Line, "ecdsa-sha2-nistp521", "SHA256:rZT4ld7mQA9kR8kdx0c3l35oiwFVxLcfiFXxIK/ZPlQ")]
        public void ParsesRealKeysAndComputesSshKeygenFingerprint(string line, string type, string fingerprint)
        {
            SshPublicKey key = SshPublicKey.Parse(line);
            Assert.Equal(type, key.KeyType);
            Assert.Equal(fingerprint, key.Fingerprint);
            Assert.Equal(line, key.ToString());
        }

        [Fact]
        public void ParsesSecurityKeyVariants()
        {
            byte[] ed = Wire("sk-ssh-ed25519@openssh.com", new byte[32], System.Text.Encoding.ASCII.GetBytes("ssh:"));
            Assert.Equal("sk-ssh-ed25519@openssh.com", SshPublicKey.Parse("sk-ssh-ed25519@openssh.com " + Convert.ToBase64String(ed) + " me@yubikey").KeyType);
            byte[] point = new byte[65];
            point[0] = 4;
            byte[] ec = Wire("sk-ecdsa-sha2-nistp256@openssh.com", System.Text.Encoding.ASCII.GetBytes("nistp256"), point, System.Text.Encoding.ASCII.GetBytes("ssh:"));
            Assert.Null(SshPublicKey.Parse("sk-ecdsa-sha2-nistp256@openssh.com " + Convert.ToBase64String(ec)).Comment);
        }

        [Theory]
        [InlineData("")]
        [InlineData("ssh-ed25519")]
        [InlineData("ssh-dss AAAAB3NzaC1kc3MAAACBAP")]
        [InlineData("ssh-ed25519 not-base64!")]
        [InlineData("ssh-rsa AAAAC3NzaC1lZDI1NTE5AAAAINBcr/7Ut1tJ2Z5CUwUyP2qn319178Cw8z7uVSkFLYcj mismatched-type")]
        [InlineData("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAINBcr/7Ut1tJ2Z5CUwUyP2qn319178Cw8z7uVSkF truncated")]
        [InlineData("command=\"x\" ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAINBcr/7Ut1tJ2Z5CUwUyP2qn319178Cw8z7uVSkFLYcj")]
        [InlineData("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAINBcr/7Ut1tJ2Z5CUwUyP2qn319178Cw8z7uVSkFLYcj a\nssh-ed25519 AAAA")]
        public void RefusesWhatIsNotAWellFormedKey(string line)
        {
            var error = Assert.Throws<ArgumentException>(() => SshPublicKey.Parse(line, "SshAuthorizedKey"));
            Assert.Equal("SshAuthorizedKey", error.ParamName);
        }

        [Fact]
        public void RefusesTrailingBytesInTheBlob()
        {
            byte[] blob = Wire("ssh-ed25519", new byte[32], new byte[] { 1 });
            Assert.Throws<ArgumentException>(() => SshPublicKey.Parse("ssh-ed25519 " + Convert.ToBase64String(blob)));
        }

        private static byte[] Wire(string type, params byte[][] fields)
        {
            var stream = new MemoryStream();
            foreach (byte[] field in new[] { System.Text.Encoding.ASCII.GetBytes(type) }.Concat(fields))
            {
                stream.Write(new[] { (byte)(field.Length >> 24), (byte)(field.Length >> 16), (byte)(field.Length >> 8), (byte)field.Length });
                stream.Write(field);
            }

            return stream.ToArray();
        }
    }
}
