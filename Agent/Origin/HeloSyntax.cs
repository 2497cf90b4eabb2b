namespace ExchangeSpfAgent.Origin;

/// <summary>
/// Checks that a HELO or EHLO argument is usable as the SPF HELO identity.
/// </summary>
public static class HeloSyntax
{
    // RFC 1035 §2.3.4: a label is at most 63 octets and a name at most 255 octets on the wire,
    // which leaves 253 characters in dotted text without the trailing dot.
    private const int MaxLabelLength = 63;
    private const int MaxNameLength = 253;

    /// <summary>
    /// Returns whether <paramref name="helo"/> is a host name or an address literal.
    /// </summary>
    /// <remarks>
    /// A host name here is one or more labels of letters, digits, hyphens and underscores, with no
    /// label starting or ending with a hyphen, and an optional trailing dot. The underscore and
    /// single-label names are allowed because real clients send them (Windows host names, for
    /// example), and SPF only needs to know whether the name can be looked up. An address
    /// literal is what <see cref="IPAddressSyntax.TryParseLiteral(string, out System.Net.IPAddress)"/>
    /// accepts in square brackets.
    /// </remarks>
    public static bool IsValid(string? helo)
    {
        if (string.IsNullOrEmpty(helo))
        {
            return false;
        }

        if (helo![0] == '[')
        {
            return IPAddressSyntax.TryParseLiteral(helo, out _);
        }

        return IsHostName(helo);
    }

    /// <summary>Returns whether <paramref name="helo"/> is an address literal in square brackets.</summary>
    public static bool IsAddressLiteral(string? helo) =>
        !string.IsNullOrEmpty(helo) && helo![0] == '[' && IPAddressSyntax.TryParseLiteral(helo, out _);

    private static bool IsHostName(string name)
    {
        int end = name[name.Length - 1] == '.' ? name.Length - 1 : name.Length;
        if (end == 0 || end > MaxNameLength)
        {
            return false;
        }

        int labelStart = 0;
        for (int index = 0; index <= end; index++)
        {
            if (index < end && name[index] != '.')
            {
                char c = name[index];
                if (!IPAddressSyntax.IsDigit(c) && !IPAddressSyntax.IsAsciiLetter(c) && c != '-' && c != '_')
                {
                    return false;
                }

                continue;
            }

            int labelLength = index - labelStart;
            if (labelLength == 0 || labelLength > MaxLabelLength)
            {
                return false;
            }

            if (name[labelStart] == '-' || name[index - 1] == '-')
            {
                return false;
            }

            labelStart = index + 1;
        }

        return true;
    }
}
