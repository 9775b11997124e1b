using System;
using System.IO;
using System.IO.Pipes;
using System.Net;
using System.Net.Sockets;

namespace AptReady.Transport.Agent
{
    /// <summary>Opens the byte stream to an agent: a Unix socket, or a named pipe on Windows.</summary>
    internal static class AgentEndpoint
    {
        private const string PipePrefix = @"\\.\pipe\";

        public static Stream Connect(string path)
        {
            if (path.StartsWith(PipePrefix, StringComparison.OrdinalIgnoreCase))
            {
                return ConnectPipe(path.Substring(PipePrefix.Length));
            }

            var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            try
            {
                socket.Connect(UnixEndPoint(path));
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        /// <summary>
        /// Windows OpenSSH's agent (untested here: no Windows machine runs these tests). The pipe is
        /// opened asynchronous so that reads honour the reply timeout.
        /// </summary>
        private static Stream ConnectPipe(string name)
        {
            var pipe = new NamedPipeClientStream(".", name, PipeDirection.InOut, PipeOptions.Asynchronous);
            try
            {
                pipe.Connect(5000);
                return pipe;
            }
            catch
            {
                pipe.Dispose();
                throw;
            }
        }

        /// <summary>
        /// The runtime's Unix-socket end point. netstandard2.0 does not name the type, but every runtime
        /// PowerShell 7 runs on has it (it is what HttpClient uses for Unix sockets).
        /// </summary>
        private static EndPoint UnixEndPoint(string path)
        {
            Type? type = Type.GetType("System.Net.Sockets.UnixDomainSocketEndPoint, System.Net.Sockets", throwOnError: false);
            if (type == null)
            {
                throw new IOException("this .NET runtime has no Unix-domain sockets.");
            }

            return (EndPoint)Activator.CreateInstance(type, path)!;
        }
    }
}
