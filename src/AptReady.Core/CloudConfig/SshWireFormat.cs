using System;
using System.IO;
using System.Text;

namespace AptReady.Core.CloudConfig
{
    /// <summary>Reads the SSH wire encoding (RFC 4251): uint32 big-endian lengths before strings.</summary>
    public sealed class SshWireReader
    {
        private readonly byte[] _data;
        private int _position;

        public SshWireReader(byte[] data)
        {
            _data = data;
        }

        public bool AtEnd => _position == _data.Length;

        public bool TryReadUInt32(out uint value)
        {
            value = 0;
            if (_data.Length - _position < 4)
            {
                return false;
            }

            value = ((uint)_data[_position] << 24) | ((uint)_data[_position + 1] << 16) | ((uint)_data[_position + 2] << 8) | _data[_position + 3];
            _position += 4;
            return true;
        }

        /// <summary>Bytes not yet read.</summary>
        public int Remaining => _data.Length - _position;

        public bool TryReadByte(out byte value)
        {
            value = 0;
            if (_position >= _data.Length)
            {
                return false;
            }

            value = _data[_position++];
            return true;
        }

        public bool TryReadUInt64(out ulong value)
        {
            value = 0;
            if (!TryReadUInt32(out uint high) || !TryReadUInt32(out uint low))
            {
                return false;
            }

            value = ((ulong)high << 32) | low;
            return true;
        }

        public bool TryReadString(out byte[] value)
        {
            value = Array.Empty<byte>();
            if (!TryReadUInt32(out uint length) || length > (uint)(_data.Length - _position))
            {
                return false;
            }

            value = new byte[length];
            Buffer.BlockCopy(_data, _position, value, 0, (int)length);
            _position += (int)length;
            return true;
        }
    }

    /// <summary>Writes the SSH wire encoding (RFC 4251).</summary>
    public sealed class SshWireWriter
    {
        private readonly MemoryStream _buffer = new MemoryStream();

        public int Length => (int)_buffer.Length;

        public SshWireWriter UInt32(uint value)
        {
            _buffer.WriteByte((byte)(value >> 24));
            _buffer.WriteByte((byte)(value >> 16));
            _buffer.WriteByte((byte)(value >> 8));
            _buffer.WriteByte((byte)value);
            return this;
        }

        public SshWireWriter String(byte[] value)
        {
            UInt32((uint)value.Length);
            _buffer.Write(value, 0, value.Length);
            return this;
        }

        public SshWireWriter String(string value) => String(Encoding.UTF8.GetBytes(value));

        public SshWireWriter Raw(byte[] value)
        {
            _buffer.Write(value, 0, value.Length);
            return this;
        }

        public SshWireWriter Byte(byte value)
        {
            _buffer.WriteByte(value);
            return this;
        }

        public byte[] ToArray() => _buffer.ToArray();
    }
}
