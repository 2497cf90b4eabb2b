using System;
using System.Collections;
using System.Collections.Generic;

namespace Microsoft.Exchange.Data.Mime;

/// <summary>The header fields of a MIME part, in order. There is no Add and no indexer.</summary>
public class HeaderList : MimeNode, IEnumerable<Header>
{
#if TEST_RUNTIME
    /// <summary>Test hook: an empty list; Exchange builds lists internally.</summary>
    public HeaderList()
    {
    }

    public Header FindFirst(string name)
    {
        Header header = (Header)FirstChild;
        while (header != null && !IsNamed(header, name))
        {
            header = (Header)header.NextSibling;
        }

        return header;
    }

    public Header FindFirst(HeaderId headerId) => FindFirst(NameOf(headerId));

    public Header FindNext(Header header)
    {
        if (header == null)
        {
            throw new ArgumentNullException(nameof(header));
        }

        Header next = (Header)header.NextSibling;
        while (next != null && !IsNamed(next, header.Name))
        {
            next = (Header)next.NextSibling;
        }

        return next;
    }

    public Header[] FindAll(string name)
    {
        var found = new List<Header>();
        for (Header header = FindFirst(name); header != null; header = FindNext(header))
        {
            found.Add(header);
        }

        return found.ToArray();
    }

    public Header[] FindAll(HeaderId headerId) => FindAll(NameOf(headerId));

    public void RemoveAll(string name)
    {
        foreach (Header header in FindAll(name))
        {
            RemoveChild(header);
        }
    }

    public void RemoveAll(HeaderId headerId) => RemoveAll(NameOf(headerId));

    public new MimeNode.Enumerator<Header> GetEnumerator() => new MimeNode.Enumerator<Header>(this);

    IEnumerator<Header> IEnumerable<Header>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    internal override void ValidateChild(MimeNode newChild)
    {
        if (!(newChild is Header))
        {
            throw new ArgumentException("Only headers can be added to a header list.", nameof(newChild));
        }
    }

    private static string NameOf(HeaderId headerId) => Header.NameOf(headerId);

    private static bool IsNamed(Header header, string name) =>
        string.Equals(header.Name, name, StringComparison.OrdinalIgnoreCase);
#else
    internal HeaderList()
    {
    }

    public Header FindFirst(string name) => throw ContractStub.NotAvailable();

    public Header FindFirst(HeaderId headerId) => throw ContractStub.NotAvailable();

    public Header FindNext(Header header) => throw ContractStub.NotAvailable();

    public Header[] FindAll(string name) => throw ContractStub.NotAvailable();

    public Header[] FindAll(HeaderId headerId) => throw ContractStub.NotAvailable();

    public void RemoveAll(string name) => throw ContractStub.NotAvailable();

    public void RemoveAll(HeaderId headerId) => throw ContractStub.NotAvailable();

    public new MimeNode.Enumerator<Header> GetEnumerator() => throw ContractStub.NotAvailable();

    IEnumerator<Header> IEnumerable<Header>.GetEnumerator() => throw ContractStub.NotAvailable();

    IEnumerator IEnumerable.GetEnumerator() => throw ContractStub.NotAvailable();
#endif
}
