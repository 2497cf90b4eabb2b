using System;

namespace Microsoft.Exchange.Data.Transport;

/// <summary>An SMTP address as transport routes it; the null reverse path is "&lt;&gt;".</summary>
public struct RoutingAddress : IEquatable<RoutingAddress>
{
    public static readonly RoutingAddress Empty;

#if TEST_RUNTIME
    public static readonly RoutingAddress NullReversePath = new RoutingAddress("<>");

    private readonly string _address;

    public RoutingAddress(string address)
    {
        _address = address ?? string.Empty;
    }

    public string LocalPart => AtIndex < 0 ? null : _address.Substring(0, AtIndex);

    public string DomainPart => AtIndex < 0 ? null : _address.Substring(AtIndex + 1);

    public bool IsValid => _address == "<>" || (AtIndex > 0 && AtIndex < _address.Length - 1);

    private int AtIndex => (_address ?? string.Empty).LastIndexOf('@');

    public static bool operator ==(RoutingAddress left, RoutingAddress right) => left.Equals(right);

    public static bool operator !=(RoutingAddress left, RoutingAddress right) => !left.Equals(right);

    public bool Equals(RoutingAddress other) =>
        string.Equals(_address ?? string.Empty, other._address ?? string.Empty, StringComparison.OrdinalIgnoreCase);

    public override bool Equals(object obj) => obj is RoutingAddress other && Equals(other);

    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(_address ?? string.Empty);

    public override string ToString() => _address ?? string.Empty;
#else
    public static readonly RoutingAddress NullReversePath;

    public RoutingAddress(string address) => throw ContractStub.NotAvailable();

    public string LocalPart => throw ContractStub.NotAvailable();

    public string DomainPart => throw ContractStub.NotAvailable();

    public bool IsValid => throw ContractStub.NotAvailable();

    public static bool operator ==(RoutingAddress left, RoutingAddress right) => throw ContractStub.NotAvailable();

    public static bool operator !=(RoutingAddress left, RoutingAddress right) => throw ContractStub.NotAvailable();

    public bool Equals(RoutingAddress other) => throw ContractStub.NotAvailable();

    public override bool Equals(object obj) => throw ContractStub.NotAvailable();

    public override int GetHashCode() => throw ContractStub.NotAvailable();

    public override string ToString() => throw ContractStub.NotAvailable();
#endif
}
