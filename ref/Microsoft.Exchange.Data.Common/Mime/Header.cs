using System;

namespace Microsoft.Exchange.Data.Mime;

/// <summary>One header field of a MIME part.</summary>
public abstract class Header : MimeNode
{
#if TEST_RUNTIME
    internal Header(string name, HeaderId headerId)
    {
        if (!IsHeaderNameValid(name))
        {
            throw new ArgumentException($"Invalid header name '{name}'.", nameof(name));
        }

        Name = name;
        HeaderId = headerId;
    }

    public string Name { get; }

    public HeaderId HeaderId { get; }

    public abstract string Value { get; set; }

    public static Header Create(string name) => new TextHeader(name, string.Empty);

    // RFC 5322 §2.2: a field name is printable US-ASCII except the colon.
    public static bool IsHeaderNameValid(string name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return false;
        }

        foreach (char c in name)
        {
            if (c < '!' || c > '~' || c == ':')
            {
                return false;
            }
        }

        return true;
    }

    public static HeaderId GetHeaderId(string name)
    {
        foreach (HeaderId id in Enum.GetValues(typeof(HeaderId)))
        {
            if (id != HeaderId.Unknown && string.Equals(NameOf(id), name, StringComparison.OrdinalIgnoreCase))
            {
                return id;
            }
        }

        return HeaderId.Unknown;
    }

    internal static string NameOf(HeaderId id) => id == HeaderId.MessageId ? "Message-ID" : id.ToString();
#else
    internal Header()
    {
    }

    public string Name => throw ContractStub.NotAvailable();

    public HeaderId HeaderId => throw ContractStub.NotAvailable();

    public abstract string Value { get; set; }

    public static Header Create(string name) => throw ContractStub.NotAvailable();

    public static bool IsHeaderNameValid(string name) => throw ContractStub.NotAvailable();

    public static HeaderId GetHeaderId(string name) => throw ContractStub.NotAvailable();
#endif
}
