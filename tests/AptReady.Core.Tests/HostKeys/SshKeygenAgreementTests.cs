using AptReady.Core.HostKeys;
using Xunit;

namespace AptReady.Core.Tests.HostKeys
{
    /// <summary>The matcher finds exactly what `ssh-keygen -F NAME -f FILE` finds, plain and hashed.</summary>
    public sealed class SshKeygenAgreementTests : IDisposable
    {
        // Lookup names as ssh forms them (lower case: ssh lower-cases the host before looking it up).
        public static readonly TheoryData<string> LookupNames = new TheoryData<string>
        {
            "plain.example.com", "[127.0.0.1]:2222", "127.0.0.1", "[127.0.0.2]:2222", "[127.0.0.12]:2222",
            "alpha.lab", "beta.lab", "[gamma.lab]:2200", "gamma.lab", "delta.lab", "bad.lab", "[alpha.lab]:2222",
            "[10.1.1.1]:2222", "10.1.1.1", "mixed.case.example", "10.0.0.1", "10.0.0.2", "10.0.1.2", "unknown.host",
            "[::1]:2222", "::1",
        };

        private readonly TempFolder temp = new TempFolder();
        private readonly string plainFile;
        private readonly string hashedFile;

        public SshKeygenAgreementTests()
        {
            string[] keys = Enumerable.Range(1, 12).Select(i => SshKeygen.NewKey(temp.Path, "ed25519", "k" + i)).ToArray();
            byte[] tenOneOneOne = Convert.FromBase64String(keys[6]);
            string[] lines =
            {
                "plain.example.com ssh-ed25519 " + keys[0],
                "[127.0.0.1]:2222 ssh-ed25519 " + keys[1],
                "127.0.0.1 ssh-ed25519 " + keys[2],
                "alpha.lab,beta.lab,[gamma.lab]:2200 ssh-ed25519 " + keys[3],
                "*.lab,!bad.lab ssh-ed25519 " + keys[4],
                "[127.0.0.?]:2222 ssh-ed25519 " + keys[5],
                KnownHostLine.Format("10.1.1.1", 2222, tenOneOneOne, hashed: true), // hashed by AptReady
                "Mixed.Case.Example ssh-ed25519 " + keys[7],
                "[*]:2222 ssh-ed25519 " + keys[8],
                "!10.0.0.1,10.0.0.* ssh-ed25519 " + keys[9],
                "@revoked [127.0.0.1]:2222 ssh-ed25519 " + keys[10],
                "[::1]:2222 ssh-ed25519 " + keys[11],
            };
            plainFile = temp.File("known_hosts");
            File.WriteAllText(plainFile, string.Join("\n", lines) + "\n");

            hashedFile = temp.File("known_hosts_hashed");
            File.Copy(plainFile, hashedFile);
            SshKeygen.RunOk("-H", "-f", hashedFile); // hashes every plain name it can, one line per name
        }

        public void Dispose() => temp.Dispose();

        [Theory]
        [MemberData(nameof(LookupNames))]
        public void PlainFileAgrees(string lookupName) => AssertAgrees(plainFile, lookupName);

        [Theory]
        [MemberData(nameof(LookupNames))]
        public void FileHashedBySshKeygenAgrees(string lookupName) => AssertAgrees(hashedFile, lookupName);

        [Fact]
        public void SshKeygenReallyHashedTheNames()
        {
            KnownHostsFile hashed = KnownHostsFile.Load(hashedFile);
            Assert.Contains(hashed.Entries, e => e.IsHashed && e.AppliesTo("beta.lab", 22));
            Assert.Contains(hashed.Entries, e => e.IsHashed && e.AppliesTo("gamma.lab", 2200));

            // ssh-keygen -H lower-cases a name before hashing it; ssh lower-cases the host it looks up.
            Assert.Contains(hashed.Entries, e => e.IsHashed && e.AppliesTo("MIXED.case.Example", 22));
            Assert.DoesNotContain(hashed.Entries, e => e.Hosts.Contains("plain.example.com"));
        }

        [Fact]
        public void TheTableFindsSomethingAndNotEverything()
        {
            // Guards against an agreement that holds only because both sides find nothing.
            Assert.Equal(2, SshKeygenFinds(plainFile, "alpha.lab").Count); // the list and *.lab
            Assert.Empty(SshKeygenFinds(plainFile, "bad.lab"));
            Assert.Empty(SshKeygenFinds(plainFile, "unknown.host"));

            // [127.0.0.1]:2222, [127.0.0.?]:2222, [*]:2222 and the @revoked line.
            var found = SshKeygenFinds(plainFile, "[127.0.0.1]:2222");
            Assert.Equal(4, found.Count);
            Assert.Single(found, f => f.StartsWith("Revoked ", StringComparison.Ordinal));

            // ssh-keygen finds the line AptReady hashed (and [*]:2222).
            Assert.Equal(2, SshKeygenFinds(plainFile, "[10.1.1.1]:2222").Count);
        }

        private static void AssertAgrees(string file, string lookupName)
        {
            var theirs = SshKeygenFinds(file, lookupName);
            var ours = KnownHostsFile.Load(file).Entries
                .Where(e => e.AppliesToLookupName(lookupName))
                .Select(e => e.Marker + " " + e.Fingerprint)
                .OrderBy(s => s, StringComparer.Ordinal)
                .ToList();
            Assert.Equal(theirs, ours);
        }

        /// <summary>Marker and fingerprint of every line `ssh-keygen -F` prints for the name.</summary>
        private static List<string> SshKeygenFinds(string file, string lookupName)
        {
            var (code, output) = SshKeygen.Run("-F", lookupName, "-f", file);
            Assert.True(code == 0 || code == 1, $"ssh-keygen -F exited {code}: {output}");
            return output.Split('\n')
                .Select(l => KnownHostEntry.Parse(l))
                .Where(e => e != null)
                .Select(e => e!.Marker + " " + e.Fingerprint)
                .OrderBy(s => s, StringComparer.Ordinal)
                .ToList();
        }
    }
}
