using System;
using System.Text;

namespace AptReady.Transport
{
    /// <summary>
    /// Turns output bytes, as they arrive in chunks of any size, into whole lines: a UTF-8 character or a
    /// line split across two chunks is joined before the line is handed on.
    /// </summary>
    internal sealed class LineAssembler
    {
        private readonly Decoder _decoder = new UTF8Encoding(false).GetDecoder();
        private readonly StringBuilder _all;
        private readonly Action<string>? _onLine;
        private readonly StringBuilder _line = new StringBuilder();
        private char[] _chars = new char[1024];

        public LineAssembler(StringBuilder all, Action<string>? onLine)
        {
            _all = all;
            _onLine = onLine;
        }

        public void Add(byte[] bytes, int count)
        {
            int needed = _decoder.GetCharCount(bytes, 0, count);
            if (needed > _chars.Length)
            {
                _chars = new char[needed];
            }

            int decoded = _decoder.GetChars(bytes, 0, count, _chars, 0);
            for (int i = 0; i < decoded; i++)
            {
                if (_chars[i] == '\n')
                {
                    EndLine();
                }
                else
                {
                    _line.Append(_chars[i]);
                }
            }
        }

        /// <summary>Text after the last newline, when the output ends, is a line of its own.</summary>
        public void Finish()
        {
            if (_line.Length > 0)
            {
                EndLine();
            }
        }

        private void EndLine()
        {
            if (_line.Length > 0 && _line[_line.Length - 1] == '\r')
            {
                _line.Length--;
            }

            string line = _line.ToString();
            _line.Clear();
            _all.Append(line).Append('\n');
            _onLine?.Invoke(line);
        }
    }
}
