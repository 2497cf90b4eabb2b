namespace ExchangeSpfAgent.Origin;

/// <summary>
/// The IPv4 dotted-quad and IPv6 text grammars behind <see cref="IPAddressSyntax"/>.
/// </summary>
internal static class IPAddressGrammar
{
    public const int IPv4OctetCount = 4;

    private const int IPv6WordCount = 8;
    private const int MaxHexDigitsPerWord = 4;

    /// <summary>
    /// Parses four decimal octets between two positions into <paramref name="destination"/>.
    /// </summary>
    public static bool TryParseIPv4(string text, int start, int end, byte[] destination, int offset)
    {
        int position = start;
        for (int octet = 0; octet < IPv4OctetCount; octet++)
        {
            if (octet > 0)
            {
                if (position >= end || text[position] != '.')
                {
                    return false;
                }

                position++;
            }

            int digitsStart = position;
            int value = 0;
            while (position < end && IPAddressSyntax.IsDigit(text[position]) && position - digitsStart < 3)
            {
                value = (value * 10) + (text[position] - '0');
                position++;
            }

            int digits = position - digitsStart;

            // A leading zero is rejected because some resolvers read such an octet as octal.
            if (digits == 0 || value > byte.MaxValue || (digits > 1 && text[digitsStart] == '0'))
            {
                return false;
            }

            destination[offset + octet] = (byte)value;
        }

        return position == end;
    }

    /// <summary>
    /// Parses IPv6 text between two positions into the 16 bytes of <paramref name="destination"/>.
    /// </summary>
    public static bool TryParseIPv6(string text, int start, int end, byte[] destination)
    {
        var words = new int[IPv6WordCount];
        if (!TryReadIPv6Words(text, start, end, words, out int count, out int gap))
        {
            return false;
        }

        // RFC 4291 §2.2: "::" replaces one or more groups of zeros, so without it there must be
        // exactly eight groups and with it at most seven.
        if (gap < 0 ? count != IPv6WordCount : count > IPv6WordCount - 1)
        {
            return false;
        }

        int zeros = IPv6WordCount - count;
        for (int index = 0, word = 0; index < IPv6WordCount; index++)
        {
            bool inGap = gap >= 0 && index >= gap && index < gap + zeros;
            int value = inGap ? 0 : words[word++];

            destination[index * 2] = (byte)(value >> 8);
            destination[(index * 2) + 1] = (byte)value;
        }

        return true;
    }

    // RFC 4291 §2.2: groups of one to four hex digits separated by ':', at most one "::", and
    // optionally the last 32 bits written as an IPv4 address. The gap is the index of the word
    // that follows "::", or -1 without one.
    private static bool TryReadIPv6Words(string text, int start, int end, int[] words, out int count, out int gap)
    {
        count = 0;
        gap = -1;
        int position = start;
        if (end - start >= 2 && text[start] == ':' && text[start + 1] == ':')
        {
            gap = 0;
            position += 2;
        }
        else if (start < end && text[start] == ':')
        {
            return false;
        }

        while (position < end)
        {
            int groupStart = position;
            int value = 0;
            while (position < end && position - groupStart <= MaxHexDigitsPerWord && IsHexDigit(text[position]))
            {
                value = (value << 4) | HexValue(text[position]);
                position++;
            }

            if (position < end && text[position] == '.')
            {
                return TryReadIPv4Tail(text, groupStart, end, words, ref count);
            }

            int digits = position - groupStart;
            if (digits == 0 || digits > MaxHexDigitsPerWord || count == IPv6WordCount)
            {
                return false;
            }

            words[count++] = value;
            if (position == end)
            {
                break;
            }

            if (text[position] != ':')
            {
                return false;
            }

            position++;
            if (position < end && text[position] == ':')
            {
                if (gap >= 0)
                {
                    return false;
                }

                gap = count;
                position++;
            }
            else if (position == end)
            {
                return false;
            }
        }

        return true;
    }

    private static bool TryReadIPv4Tail(string text, int start, int end, int[] words, ref int count)
    {
        var tail = new byte[IPv4OctetCount];
        if (count > IPv6WordCount - 2 || !TryParseIPv4(text, start, end, tail, 0))
        {
            return false;
        }

        words[count++] = (tail[0] << 8) | tail[1];
        words[count++] = (tail[2] << 8) | tail[3];
        return true;
    }

    private static bool IsHexDigit(char c) =>
        IPAddressSyntax.IsDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');

    private static int HexValue(char c)
    {
        if (IPAddressSyntax.IsDigit(c))
        {
            return c - '0';
        }

        return (c | 0x20) - 'a' + 10;
    }
}
