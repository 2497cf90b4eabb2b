using System.Globalization;

namespace ExchangeSpfAgent.Spf;

/// <summary>
/// A CIDR length taken from the end of a mechanism's arguments: "/" digits, or "//" digits for IPv6
/// in a dual-cidr-length (RFC 7208 §5.6).
/// </summary>
internal readonly struct CidrSuffix
{
    private CidrSuffix(string digits)
    {
        Digits = digits;
    }

    /// <summary>True when the arguments ended in a CIDR length.</summary>
    public bool Present => Digits.Length > 0;

    private string Digits { get; }

    /// <summary>
    /// Removes a trailing "/" digits (or "//" digits) from <paramref name="text"/> and returns it.
    /// </summary>
    public static CidrSuffix Take(ref string text, bool doubleSlash)
    {
        int digitsStart = text.Length;
        while (digitsStart > 0 && text[digitsStart - 1] >= '0' && text[digitsStart - 1] <= '9')
        {
            digitsStart--;
        }

        if (digitsStart == text.Length || digitsStart == 0 || text[digitsStart - 1] != '/')
        {
            return new CidrSuffix("");
        }

        bool hasDoubleSlash = digitsStart >= 2 && text[digitsStart - 2] == '/';
        if (hasDoubleSlash != doubleSlash)
        {
            return new CidrSuffix("");
        }

        string digits = text.Substring(digitsStart);
        text = text.Substring(0, digitsStart - (doubleSlash ? 2 : 1));
        return new CidrSuffix(digits);
    }

    /// <summary>
    /// Reads the length; false when it has a leading zero or exceeds <paramref name="maximum"/>.
    /// </summary>
    // RFC 7208 §5.6: ip4-cidr-length = "/" ( "0" / %x31-39 0*1DIGIT ), ip6 likewise with 0*2DIGIT,
    // so leading zeros are invalid; lengths above 32 or 128 are invalid too.
    public bool TryGetLength(int maximum, out int length)
    {
        length = 0;
        if (Digits.Length > 3 || (Digits.Length > 1 && Digits[0] == '0'))
        {
            return false;
        }

        length = int.Parse(Digits, NumberStyles.None, CultureInfo.InvariantCulture);
        return length <= maximum;
    }
}
