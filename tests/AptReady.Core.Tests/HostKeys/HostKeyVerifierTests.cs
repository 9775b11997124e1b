using AptReady.Core.HostKeys;
using Xunit;

namespace AptReady.Core.Tests.HostKeys
{
    public sealed class HostKeyVerifierTests : IDisposable
    {
        private readonly TempFolder temp = new TempFolder();
        private readonly string userFile;
        private readonly string recordFile;

        public HostKeyVerifierTests()
        {
            userFile = temp.File("home", ".ssh", "known_hosts");
            recordFile = temp.File("home", ".ssh", HostKeyPolicy.AptReadyKnownHostsFileName);
            Directory.CreateDirectory(Path.GetDirectoryName(userFile)!);
            File.WriteAllText(userFile,
                "# user's file\n"
                + "vm-a.lab ssh-ed25519 " + SampleKeys.Ed25519Base64 + "\n"
                + "[vm-a.lab]:2222 ssh-ed25519 " + SampleKeys.OtherEd25519Base64 + "\n"
                + "vm-b.lab ecdsa-sha2-nistp256 " + SampleKeys.EcdsaBase64 + "\n"
                + "vm-b.lab ssh-rsa " + SampleKeys.RsaBase64 + "\n"
                + "@revoked vm-c.lab,*.revoked.lab ssh-ed25519 " + SampleKeys.OtherEd25519Base64 + "\n"
                + "@cert-authority *.lab ssh-ed25519 " + SampleKeys.OtherEd25519Base64 + "\n");
        }

        public void Dispose() => temp.Dispose();

        private static UnixFileMode ModeOf(string path) =>
            OperatingSystem.IsWindows() ? throw new PlatformNotSupportedException("Unix modes are checked on Linux.") : File.GetUnixFileMode(path);

        private HostKeyVerifier Verifier(bool tofu = false, params string[] pins) => new HostKeyVerifier(new HostKeyPolicy(
            new[] { userFile, temp.File("home", ".ssh", "known_hosts2") },
            pins.Select(HostKeyFingerprint.Parse),
            tofu,
            tofu ? recordFile : null));

        [Fact]
        public void TrustsAKnownKeyAndNamesTheLine()
        {
            HostKeyVerdict v = Verifier().Verify("VM-A.lab", 22, "ssh-ed25519", SampleKeys.Ed25519);

            Assert.Equal(HostKeyVerdictKind.Trusted, v.Kind);
            Assert.True(v.IsAccepted);
            Assert.Equal(HostKeyTrustSource.KnownHosts, v.Source);
            Assert.Equal(userFile + ":2", v.Entry!.Location);
            Assert.Equal(SampleKeys.Ed25519Sha256, v.PresentedFingerprint.ToString());
        }

        [Fact]
        public void RsaSignatureAlgorithmNamesFindTheSshRsaEntry()
        {
            HostKeyVerdict v = Verifier().Verify("vm-b.lab", 22, "rsa-sha2-512", SampleKeys.Rsa);
            Assert.Equal(HostKeyVerdictKind.Trusted, v.Kind);
            Assert.Equal(5, v.Entry!.LineNumber);
        }

        [Fact]
        public void AnAlgorithmThatDoesNotFitTheBlobIsAWiringError()
        {
            Assert.Throws<ArgumentException>(() => Verifier().Verify("vm-a.lab", 22, "ssh-rsa", SampleKeys.Ed25519));
        }

        [Fact]
        public void AChangedKeyIsRefusedWithBothFingerprintsAndTheLine()
        {
            // The file has the other ed25519 key for port 2222; the server now presents a different one.
            HostKeyVerdict v = Verifier(tofu: true).Verify("vm-a.lab", 2222, "ssh-ed25519", SampleKeys.Ed25519);

            Assert.Equal(HostKeyVerdictKind.Changed, v.Kind);
            Assert.False(v.IsAccepted);
            Assert.Equal(HostKeyFingerprint.Sha256(SampleKeys.OtherEd25519), Assert.Single(v.ExpectedFingerprints));
            Assert.Equal(userFile + ":3", v.Entry!.Location);
            Assert.Contains(SampleKeys.Ed25519Sha256, v.Message);
            Assert.Contains(HostKeyFingerprint.Sha256(SampleKeys.OtherEd25519).ToString(), v.Message);
            Assert.Contains($"ssh-keygen -R '[vm-a.lab]:2222' -f '{userFile}'", v.Message);
            Assert.False(File.Exists(recordFile)); // TOFU never overrides a changed key
            var e = Assert.Throws<HostKeyRejectedException>(() => v.EnsureAccepted());
            Assert.Same(v, e.Verdict);
        }

        [Fact]
        public void ARevokedKeyIsRefusedEvenIfListedAndEvenIfPinned()
        {
            File.AppendAllText(userFile, "vm-c.lab ssh-ed25519 " + SampleKeys.OtherEd25519Base64 + "\n");
            HostKeyVerdict v = Verifier(false, HostKeyFingerprint.Sha256(SampleKeys.OtherEd25519).ToString())
                .Verify("vm-c.lab", 22, "ssh-ed25519", SampleKeys.OtherEd25519);

            Assert.Equal(HostKeyVerdictKind.Revoked, v.Kind);
            Assert.Equal(6, v.Entry!.LineNumber);
            Assert.Contains("@revoked", v.Message);
        }

        [Fact]
        public void AnUnknownHostIsRefusedAndTheMessageSaysWhatToDo()
        {
            HostKeyVerdict v = Verifier().Verify("vm-new.lab", 22, "ssh-ed25519", SampleKeys.Ed25519);

            Assert.Equal(HostKeyVerdictKind.Unknown, v.Kind);
            Assert.Empty(v.OtherKnownKeyTypes);
            Assert.Contains("-HostKeyFingerprint " + SampleKeys.Ed25519Sha256, v.Message);
            Assert.Contains("-TrustOnFirstUse", v.Message);
            Assert.Contains("ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub", v.Message);
            Assert.False(File.Exists(recordFile));
        }

        [Fact]
        public void KeysOfOtherTypesOnlyMeanUnknownForThisType()
        {
            HostKeyVerdict v = Verifier().Verify("vm-b.lab", 22, "ssh-ed25519", SampleKeys.Ed25519);

            Assert.Equal(HostKeyVerdictKind.Unknown, v.Kind);
            Assert.Equal(new[] { "ecdsa-sha2-nistp256", "ssh-rsa" }, v.OtherKnownKeyTypes);
            Assert.Contains("no ssh-ed25519 key", v.Message);
            Assert.Contains("StrictHostKeyChecking yes", v.Message);
        }

        [Fact]
        public void PinnedFingerprintsDecideAlone()
        {
            HostKeyVerdict bySha = Verifier(false, SampleKeys.Ed25519Sha256).Verify("vm-new.lab", 22, "ssh-ed25519", SampleKeys.Ed25519);
            Assert.Equal(HostKeyVerdictKind.Trusted, bySha.Kind);
            Assert.Equal(HostKeyTrustSource.PinnedFingerprint, bySha.Source);

            HostKeyVerdict byMd5 = Verifier(false, SampleKeys.RsaSha256, SampleKeys.Ed25519Md5).Verify("vm-new.lab", 2200, "ssh-ed25519", SampleKeys.Ed25519);
            Assert.Equal(HostKeyVerdictKind.Trusted, byMd5.Kind);

            // A pin that does not match refuses, even for a key known_hosts lists.
            HostKeyVerdict wrong = Verifier(true, SampleKeys.RsaSha256, SampleKeys.Ed25519Md5).Verify("vm-b.lab", 22, "ecdsa-sha2-nistp256", SampleKeys.Ecdsa);
            Assert.Equal(HostKeyVerdictKind.PinMismatch, wrong.Kind);
            Assert.Equal(2, wrong.ExpectedFingerprints.Count);
            Assert.Contains(SampleKeys.EcdsaSha256, wrong.Message);
            Assert.Contains(HostKeyFingerprint.Md5(SampleKeys.Ecdsa).ToString(), wrong.Message);
            Assert.Contains(SampleKeys.RsaSha256, wrong.Message);
            Assert.False(File.Exists(recordFile));
        }

        [Fact]
        public void TrustOnFirstUseRecordsOnceIntoAPrivateFileThatSshReads()
        {
            HostKeyVerdict first = Verifier(tofu: true).Verify("vm-new.lab", 2222, "ssh-ed25519", SampleKeys.Ed25519);

            Assert.Equal(HostKeyVerdictKind.Recorded, first.Kind);
            Assert.True(first.IsAccepted);
            Assert.Equal(HostKeyTrustSource.TrustOnFirstUse, first.Source);
            Assert.Equal(recordFile + ":1", first.Entry!.Location);
            Assert.Equal("[vm-new.lab]:2222 ssh-ed25519 " + SampleKeys.Ed25519Base64 + "\n", File.ReadAllText(recordFile));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, ModeOf(recordFile));

            // Read back next time: trusted, not recorded again.
            HostKeyVerdict second = Verifier(tofu: true).Verify("vm-new.lab", 2222, "ssh-ed25519", SampleKeys.Ed25519);
            Assert.Equal(HostKeyVerdictKind.Trusted, second.Kind);
            Assert.Equal(recordFile + ":1", second.Entry!.Location);

            // And a different key afterwards is a change, not another first use.
            HostKeyVerdict third = Verifier(tofu: true).Verify("vm-new.lab", 2222, "ssh-ed25519", SampleKeys.OtherEd25519);
            Assert.Equal(HostKeyVerdictKind.Changed, third.Kind);
            Assert.Single(File.ReadAllLines(recordFile));

            var (code, output) = SshKeygen.Run("-F", "[vm-new.lab]:2222", "-f", recordFile);
            Assert.Equal(0, code);
            Assert.Contains("found: line 1", output);
        }

        [Fact]
        public void TrustOnFirstUseCreatesMissingFoldersOwnerOnly()
        {
            string deep = temp.File("fresh", "nested", "known_hosts");
            var verifier = new HostKeyVerifier(new HostKeyPolicy(Array.Empty<string>(), null, true, deep, hashRecordedHosts: true));

            HostKeyVerdict v = verifier.Verify("10.0.0.9", 22, "ecdsa-sha2-nistp256", SampleKeys.Ecdsa);

            Assert.Equal(HostKeyVerdictKind.Recorded, v.Kind);
            var owner = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
            Assert.Equal(owner, ModeOf(temp.File("fresh")));
            Assert.Equal(owner, ModeOf(temp.File("fresh", "nested")));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, ModeOf(deep));
            Assert.StartsWith("|1|", File.ReadAllText(deep));
            Assert.Contains("found: line 1", SshKeygen.RunOk("-F", "10.0.0.9", "-f", deep));
        }

        [Fact]
        public void RecordingAppendsAfterALastLineWithoutNewline()
        {
            Directory.CreateDirectory(Path.GetDirectoryName(recordFile)!);
            File.WriteAllText(recordFile, "# kept\nother.lab ssh-rsa " + SampleKeys.RsaBase64);

            HostKeyVerdict v = Verifier(tofu: true).Verify("vm-new.lab", 22, "ssh-ed25519", SampleKeys.Ed25519);

            Assert.Equal(3, v.Entry!.LineNumber);
            string[] lines = File.ReadAllLines(recordFile);
            Assert.Equal(3, lines.Length);
            Assert.Equal("vm-new.lab ssh-ed25519 " + SampleKeys.Ed25519Base64, lines[2]);
        }

        [Fact]
        public void ParallelFirstConnectionsWithDifferentKeysRecordOnlyOne()
        {
            // Two connections to one new host at once, each seeing a different key: one records, the other must see a change.
            var verifier = Verifier(tofu: true);
            var keys = Enumerable.Range(0, 8).Select(i => i % 2 == 0 ? SampleKeys.Ed25519 : SampleKeys.OtherEd25519).ToArray();
            HostKeyVerdict[] verdicts = keys.AsParallel().Select(k => verifier.Verify("race.lab", 22, "ssh-ed25519", k)).ToArray();

            Assert.Single(verdicts, v => v.Kind == HostKeyVerdictKind.Recorded);
            Assert.Single(File.ReadAllLines(recordFile));
            byte[] recorded = Convert.FromBase64String(File.ReadAllText(recordFile).Split(' ')[2].Trim());
            for (int i = 0; i < keys.Length; i++)
            {
                bool same = keys[i].SequenceEqual(recorded);
                Assert.Equal(same, verdicts[i].IsAccepted);
                if (same)
                {
                    Assert.Contains(verdicts[i].Kind, new[] { HostKeyVerdictKind.Recorded, HostKeyVerdictKind.Trusted });
                }
                else
                {
                    Assert.Equal(HostKeyVerdictKind.Changed, verdicts[i].Kind);
                }
            }
        }

        [Fact]
        public void ManyHostsRecordedInParallelWhileOthersReadTheFile()
        {
            // Every Verify reads the record file while others append to it; none may fail or lose a line.
            var verifier = Verifier(tofu: true);
            HostKeyVerdict[] verdicts = Enumerable.Range(0, 40).AsParallel().WithDegreeOfParallelism(8)
                .Select(i => verifier.Verify("vm" + i + ".lab", 22, "ssh-ed25519", SampleKeys.Ed25519)).ToArray();

            Assert.All(verdicts, v => Assert.Equal(HostKeyVerdictKind.Recorded, v.Kind));
            string[] lines = File.ReadAllLines(recordFile);
            Assert.Equal(40, lines.Length);
            Assert.Equal(Enumerable.Range(1, 40), verdicts.Select(v => v.Entry!.LineNumber).OrderBy(n => n));
            Assert.All(verdicts, v => Assert.Equal(v.Host, lines[v.Entry!.LineNumber - 1].Split(' ')[0]));
        }

        [Fact]
        public void KnownKeyTypesListsWhatToPreferWhenNegotiating()
        {
            Assert.Equal(new[] { "ecdsa-sha2-nistp256", "ssh-rsa" }, Verifier().KnownKeyTypes("vm-b.lab", 22));
            Assert.Empty(Verifier().KnownKeyTypes("vm-b.lab", 2222));
        }

        [Fact]
        public void ThePolicyAlwaysReadsItsRecordFile()
        {
            var policy = new HostKeyPolicy(new[] { userFile }, null, true, recordFile);
            Assert.Equal(new[] { userFile, recordFile }, policy.KnownHostsFiles);
            Assert.Throws<ArgumentException>(() => new HostKeyPolicy(new[] { userFile }, null, true, null));
            Assert.Equal(
                new[] { "/home/u/.ssh/known_hosts", "/home/u/.ssh/known_hosts2", "/home/u/.ssh/known_hosts_aptready" },
                HostKeyPolicy.DefaultKnownHostsFiles("/home/u"));
        }
    }
}
