using System.Diagnostics;
using System.IO;
using System.Runtime.InteropServices;
using AptReady.Core;
using Xunit;

namespace AptReady.Core.Tests;

/// <summary>A fact that runs on Linux only (statx tells a FIFO without opening it; elsewhere the open runs aside under a timeout).</summary>
public sealed class LinuxFactAttribute : FactAttribute
{
    public LinuxFactAttribute()
    {
        if (!RuntimeInformation.IsOSPlatform(OSPlatform.Linux))
        {
            Skip = "statx, which tells a FIFO from a file without opening it, is Linux's.";
        }
    }
}

/// <summary>Key and known_hosts files are read only when they are regular files of a sane size.</summary>
public class LocalFileTests
{
    [LinuxFact]
    public void AFifoIsRefusedAtOnceWithoutOpeningIt()
    {
        string folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "aptready-localfile-" + Path.GetRandomFileName())).FullName;
        try
        {
            string fifo = Path.Combine(folder, "fifo");
            using (var mkfifo = Process.Start("mkfifo", fifo))
            {
                mkfifo.WaitForExit();
            }

            var clock = Stopwatch.StartNew();
            var ex = Assert.Throws<LocalFileException>(() => LocalFile.Read(fifo, "key file", TimeSpan.FromSeconds(30)));
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5));
            Assert.Contains("not a regular file", ex.Message);
            Assert.Contains(fifo, ex.Message);
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }

    [Fact]
    public void AFileLargerThanTheLimitIsRefused()
    {
        string file = Path.GetTempFileName();
        try
        {
            using (var stream = File.OpenWrite(file))
            {
                stream.SetLength(LocalFile.MaxBytes + 1L);
            }

            var ex = Assert.Throws<LocalFileException>(() => LocalFile.Read(file, "known_hosts file", TimeSpan.FromSeconds(30)));
            Assert.Contains("larger than", ex.Message);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void AFolderIsRefusedAndAMissingFileIsNotFound()
    {
        Assert.Throws<LocalFileException>(() => LocalFile.Read(Path.GetTempPath(), "key file", TimeSpan.FromSeconds(5)));
        Assert.Throws<FileNotFoundException>(() => LocalFile.Read(Path.Combine(Path.GetTempPath(), Path.GetRandomFileName()), "key file", TimeSpan.FromSeconds(5)));
    }
}
