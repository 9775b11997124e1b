using System.Collections.Generic;
using System.Text;
using AptReady.Transport;
using Xunit;

namespace AptReady.Core.Tests.Remote
{
    /// <summary>Output read in chunks of any size (polled from an SSH.NET pipe) still gives whole lines.</summary>
    public class LineAssemblerTests
    {
        [Theory]
        [InlineData(1)]
        [InlineData(2)]
        [InlineData(3)]
        [InlineData(7)]
        [InlineData(4096)]
        public void Whole_lines_come_out_whatever_the_chunk_size(int chunk)
        {
            byte[] bytes = Encoding.UTF8.GetBytes("hb 1 running modules-final\r\nünïcødé ✓\n\nlast without newline");
            var all = new StringBuilder();
            var lines = new List<string>();
            var assembler = new LineAssembler(all, lines.Add);

            for (int offset = 0; offset < bytes.Length; offset += chunk)
            {
                int count = System.Math.Min(chunk, bytes.Length - offset);
                assembler.Add(bytes[offset..(offset + count)], count);
            }

            assembler.Finish();
            Assert.Equal(new[] { "hb 1 running modules-final", "ünïcødé ✓", string.Empty, "last without newline" }, lines);
            Assert.Equal("hb 1 running modules-final\nünïcødé ✓\n\nlast without newline\n", all.ToString());
        }

        [Fact]
        public void A_line_is_handed_on_as_soon_as_its_newline_arrives()
        {
            var lines = new List<string>();
            var assembler = new LineAssembler(new StringBuilder(), lines.Add);

            assembler.Add(Encoding.UTF8.GetBytes("waiting for /var/lib/dpkg/lock-frontend"), 39);
            Assert.Empty(lines);
            assembler.Add(Encoding.UTF8.GetBytes("\npartial"), 8);
            Assert.Equal(new[] { "waiting for /var/lib/dpkg/lock-frontend" }, lines);
        }
    }
}
