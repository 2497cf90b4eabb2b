using System;
using System.Collections;
using System.Collections.Generic;

namespace Microsoft.Exchange.Data.Mime;

/// <summary>A node of a MIME tree; headers are children of a header list.</summary>
public abstract class MimeNode : IEnumerable<MimeNode>
{
#if TEST_RUNTIME
    private MimeNode _parent;
    private MimeNode _firstChild;
    private MimeNode _lastChild;
    private MimeNode _nextSibling;
    private MimeNode _previousSibling;

    internal MimeNode()
    {
    }

    /// <summary>Test hook: called before every read or change, to enforce the async-context rules.</summary>
    public Action TestAccessCheck { get; set; }

    public MimeNode Parent { get { CheckAccess(); return _parent; } }

    public MimeNode FirstChild { get { CheckAccess(); return _firstChild; } }

    public MimeNode LastChild { get { CheckAccess(); return _lastChild; } }

    public MimeNode NextSibling { get { CheckAccess(); return _nextSibling; } }

    public MimeNode PreviousSibling { get { CheckAccess(); return _previousSibling; } }

    public bool HasChildren { get { CheckAccess(); return _firstChild != null; } }

    public MimeNode AppendChild(MimeNode newChild) => InsertAfter(newChild, LastChild);

    public MimeNode PrependChild(MimeNode newChild) => InsertBefore(newChild, FirstChild);

    public MimeNode InsertBefore(MimeNode newChild, MimeNode refChild)
    {
        CheckAccess();
        if (refChild == null)
        {
            return InsertAfter(newChild, _lastChild);
        }

        return InsertAfter(newChild, refChild._previousSibling, refChild);
    }

    public MimeNode InsertAfter(MimeNode newChild, MimeNode refChild)
    {
        CheckAccess();
        if (refChild == null)
        {
            return InsertAfter(newChild, null, _firstChild);
        }

        return InsertAfter(newChild, refChild, refChild._nextSibling);
    }

    public MimeNode RemoveChild(MimeNode oldChild)
    {
        CheckAccess();
        if (oldChild == null)
        {
            throw new ArgumentNullException(nameof(oldChild));
        }

        if (oldChild._parent != this)
        {
            throw new ArgumentException("The node is not a child of this node.", nameof(oldChild));
        }

        if (oldChild._previousSibling != null)
        {
            oldChild._previousSibling._nextSibling = oldChild._nextSibling;
        }
        else
        {
            _firstChild = oldChild._nextSibling;
        }

        if (oldChild._nextSibling != null)
        {
            oldChild._nextSibling._previousSibling = oldChild._previousSibling;
        }
        else
        {
            _lastChild = oldChild._previousSibling;
        }

        oldChild._parent = null;
        oldChild._nextSibling = null;
        oldChild._previousSibling = null;
        return oldChild;
    }

    public MimeNode.Enumerator<MimeNode> GetEnumerator() => new Enumerator<MimeNode>(this);

    IEnumerator<MimeNode> IEnumerable<MimeNode>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    internal void CheckAccess()
    {
        MimeNode node = this;
        while (node != null)
        {
            node.TestAccessCheck?.Invoke();
            node = node._parent;
        }
    }

    internal virtual void ValidateChild(MimeNode newChild)
    {
    }

    private MimeNode InsertAfter(MimeNode newChild, MimeNode previous, MimeNode next)
    {
        if (newChild == null)
        {
            throw new ArgumentNullException(nameof(newChild));
        }

        if (newChild._parent != null)
        {
            throw new ArgumentException("The node already has a parent; remove it first.", nameof(newChild));
        }

        ValidateChild(newChild);
        newChild._parent = this;
        newChild._previousSibling = previous;
        newChild._nextSibling = next;
        if (previous != null)
        {
            previous._nextSibling = newChild;
        }
        else
        {
            _firstChild = newChild;
        }

        if (next != null)
        {
            next._previousSibling = newChild;
        }
        else
        {
            _lastChild = newChild;
        }

        return newChild;
    }

    /// <summary>Enumerates the children of a node.</summary>
    public struct Enumerator<T> : IEnumerator<T>
        where T : MimeNode
    {
        private readonly MimeNode _node;
        private MimeNode _current;
        private MimeNode _next;

        internal Enumerator(MimeNode node)
        {
            _node = node;
            _current = null;
            _next = node._firstChild;
        }

        public T Current => (T)_current;

        object IEnumerator.Current => _current;

        public bool MoveNext()
        {
            _node.CheckAccess();
            _current = _next;
            _next = _current?._nextSibling;
            return _current != null;
        }

        public void Reset()
        {
            _current = null;
            _next = _node._firstChild;
        }

        public void Dispose()
        {
        }
    }
#else
    internal MimeNode()
    {
    }

    public MimeNode Parent => throw ContractStub.NotAvailable();

    public MimeNode FirstChild => throw ContractStub.NotAvailable();

    public MimeNode LastChild => throw ContractStub.NotAvailable();

    public MimeNode NextSibling => throw ContractStub.NotAvailable();

    public MimeNode PreviousSibling => throw ContractStub.NotAvailable();

    public bool HasChildren => throw ContractStub.NotAvailable();

    public MimeNode AppendChild(MimeNode newChild) => throw ContractStub.NotAvailable();

    public MimeNode PrependChild(MimeNode newChild) => throw ContractStub.NotAvailable();

    public MimeNode InsertBefore(MimeNode newChild, MimeNode refChild) => throw ContractStub.NotAvailable();

    public MimeNode InsertAfter(MimeNode newChild, MimeNode refChild) => throw ContractStub.NotAvailable();

    public MimeNode RemoveChild(MimeNode oldChild) => throw ContractStub.NotAvailable();

    public MimeNode.Enumerator<MimeNode> GetEnumerator() => throw ContractStub.NotAvailable();

    IEnumerator<MimeNode> IEnumerable<MimeNode>.GetEnumerator() => throw ContractStub.NotAvailable();

    IEnumerator IEnumerable.GetEnumerator() => throw ContractStub.NotAvailable();

    /// <summary>Enumerates the children of a node.</summary>
    public struct Enumerator<T> : IEnumerator<T>
        where T : MimeNode
    {
        public T Current => throw ContractStub.NotAvailable();

        object IEnumerator.Current => throw ContractStub.NotAvailable();

        public bool MoveNext() => throw ContractStub.NotAvailable();

        public void Reset() => throw ContractStub.NotAvailable();

        public void Dispose() => throw ContractStub.NotAvailable();
    }
#endif
}
