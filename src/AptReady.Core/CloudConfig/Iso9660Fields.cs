using System;
using System.Globalization;
using System.Text;

namespace AptReady.Core.CloudConfig
{
    /// <summary>How ISO 9660 writes its fields: numbers in both byte orders, padded identifiers, two time formats.</summary>
    internal static class Iso9660Fields
    {
        // Identifiers: a-characters padded with spaces, or UCS-2 big-endian padded with UCS-2 spaces for Joliet.
        public static void Text(byte[] data, int offset, int length, string value, bool joliet)
        {
            byte[] bytes = joliet ? Encoding.BigEndianUnicode.GetBytes(value) : Encoding.ASCII.GetBytes(value);
            Buffer.BlockCopy(bytes, 0, data, offset, Math.Min(bytes.Length, length));
            for (int i = offset + bytes.Length; i < offset + length; i++)
            {
                data[i] = (byte)(joliet && (i - offset) % 2 == 0 ? 0 : 0x20);
            }
        }

        // 'YYYYMMDDHHMMSScc' in ASCII digits plus a UTC offset byte; all zero digits mean "not specified".
        public static void VolumeTime(byte[] data, int offset, DateTimeOffset? time)
        {
            string digits = time.HasValue
                ? time.Value.UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + (time.Value.UtcDateTime.Millisecond / 10).ToString("00", CultureInfo.InvariantCulture)
                : "0000000000000000";
            Encoding.ASCII.GetBytes(digits, 0, 16, data, offset);
            data[offset + 16] = 0;
        }

        public static void BothEndian16(byte[] data, int offset, int value)
        {
            data[offset] = (byte)value;
            data[offset + 1] = (byte)(value >> 8);
            data[offset + 2] = (byte)(value >> 8);
            data[offset + 3] = (byte)value;
        }

        public static void BothEndian32(byte[] data, int offset, uint value)
        {
            LittleEndian32(data, offset, value);
            BigEndian32(data, offset + 4, value);
        }

        public static void LittleEndian32(byte[] data, int offset, uint value)
        {
            data[offset] = (byte)value;
            data[offset + 1] = (byte)(value >> 8);
            data[offset + 2] = (byte)(value >> 16);
            data[offset + 3] = (byte)(value >> 24);
        }

        public static void BigEndian32(byte[] data, int offset, uint value)
        {
            data[offset] = (byte)(value >> 24);
            data[offset + 1] = (byte)(value >> 16);
            data[offset + 2] = (byte)(value >> 8);
            data[offset + 3] = (byte)value;
        }

        /// <summary>A directory record's 7-byte recording time, in UTC.</summary>
        public static void RecordingTime(byte[] data, int offset, DateTimeOffset time)
        {
            DateTimeOffset t = time.ToUniversalTime();
            data[offset] = (byte)(t.Year - 1900);
            data[offset + 1] = (byte)t.Month;
            data[offset + 2] = (byte)t.Day;
            data[offset + 3] = (byte)t.Hour;
            data[offset + 4] = (byte)t.Minute;
            data[offset + 5] = (byte)t.Second;
            data[offset + 6] = 0; // UTC
        }
    }
}
