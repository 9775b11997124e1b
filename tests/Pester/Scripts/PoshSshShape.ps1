<#
.SYNOPSIS
    Dot-sourced by the scripts that stand in for Posh-SSH: loads SSH.NET 2024.2.0 first (as Posh-SSH
    would), defines types of Posh-SSH's public shape, imports AptReady, and connects a client of that
    other SSH.NET to the target. Leaves $client, $modern (an SSH.SshSession over it) and $legacy (the
    same client behind the older BeginExecute/EndExecute-only API) in the caller's scope.
    Expects $ModulePath, $Port, $UserName, $KeyFilePath and $HostKeyFingerprint there.
#>
$nuget = if ($env:NUGET_PACKAGES) { $env:NUGET_PACKAGES } else { Join-Path $HOME '.nuget/packages' }
Add-Type -Path (Join-Path $nuget 'bouncycastle.cryptography/2.7.0/lib/net6.0/BouncyCastle.Cryptography.dll')
$foreign = Add-Type -Path (Join-Path $nuget 'ssh.net/2024.2.0/lib/net8.0/Renci.SshNet.dll') -PassThru |
    Select-Object -First 1 | ForEach-Object { $_.Assembly }

# Posh-SSH's session type, same public shape: SessionId, Host, Session (a connected SshClient), Connected.
# LegacyClient/LegacyCommand give a real client an older API shape still: BeginExecute/EndExecute and no
# CreateInputStream, which the real Posh-SSH's SSH.NET 2024.0.0 has (so only the stand-in can show it).
Add-Type -IgnoreWarnings -WarningAction SilentlyContinue -ReferencedAssemblies $foreign.Location, 'System.Net.Primitives', 'System.ComponentModel.Primitives' -TypeDefinition @'
namespace SSH {
    public class SshSession {
        public int SessionId;
        public string Host;
        public object Session;
        public bool Connected { get { return (bool)Session.GetType().GetProperty("IsConnected").GetValue(Session); } }
    }
}
namespace AptReadyTests {
    public static class HostKeyPin {
        // SSH.NET raises HostKeyReceived on its own thread, where a PowerShell script block cannot run.
        public static void Pin(Renci.SshNet.SshClient client, string sha256) {
            client.HostKeyReceived += (sender, e) => { e.CanTrust = e.FingerPrintSHA256 == sha256; };
        }
    }
    public class LegacyClient {
        private readonly Renci.SshNet.SshClient _client;
        public LegacyClient(Renci.SshNet.SshClient client) { _client = client; }
        public bool IsConnected { get { return _client.IsConnected; } }
        public Renci.SshNet.ConnectionInfo ConnectionInfo { get { return _client.ConnectionInfo; } }
        public LegacyCommand CreateCommand(string text) { return new LegacyCommand(_client.CreateCommand(text)); }
    }
    public class LegacyCommand : System.IDisposable {
        private readonly Renci.SshNet.SshCommand _command;
        public LegacyCommand(Renci.SshNet.SshCommand command) { _command = command; }
        public System.IAsyncResult BeginExecute() { return _command.BeginExecute(); }
        public string EndExecute(System.IAsyncResult result) { return _command.EndExecute(result); }
        public string Error { get { return _command.Error; } }
        public int? ExitStatus { get { return _command.ExitStatus; } }
        public void CancelAsync() { _command.CancelAsync(); }
        public void Dispose() { _command.Dispose(); }
    }
}
'@

Import-Module $ModulePath

$key = [Renci.SshNet.PrivateKeyFile]::new($KeyFilePath)
$client = [Renci.SshNet.SshClient]::new('127.0.0.1', $Port, $UserName, [Renci.SshNet.IPrivateKeySource[]]@($key))
$expected = $HostKeyFingerprint -replace '^SHA256:', ''
[AptReadyTests.HostKeyPin]::Pin($client, $expected)
$client.Connect()

$modern = [SSH.SshSession]@{ SessionId = 0; Host = '127.0.0.1'; Session = $client }
$legacy = [SSH.SshSession]@{ SessionId = 1; Host = '127.0.0.1'; Session = [AptReadyTests.LegacyClient]::new($client) }
